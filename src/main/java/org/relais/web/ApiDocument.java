package org.relais.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The OpenAPI document at {@code /q/openapi} says what the API answers, for the tools that read it: the
 * API only (the pages are not part of it, nor the schemas of their templates), every error as
 * {@code application/problem+json}, the errors each kind of operation can meet (API.md's conventions),
 * and the {@code Location} of every {@code 201}. What an operation answers on success is said where it
 * is written, by its return type or its {@code @APIResponse}.
 */
public class ApiDocument implements OASFilter {

    private static final String REFS = "#/components/schemas/";
    /** What a success says, where the operation's own annotation gives only its code and schema. */
    private static final Map<String, String> SUCCESS = Map.of("200", "OK", "201", "Created: the object, at the address"
            + " Location gives", "204", "Done; no content");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        for (String path : List.copyOf(api.getPaths().getPathItems().keySet())) {
            if (path.startsWith("/api/v1/")) {
                api.getPaths().getPathItem(path).getOperations().forEach((method, operation) -> answers(path, method,
                        operation));
            } else {
                api.getPaths().removePathItem(path);
            }
        }
        api.getComponents().addSchema("FieldError", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text("The field, as named in the body or the query")).addProperty("message",
                        text("What to fix, in the language asked (Accept-Language: fr or en)")));
        api.getComponents().addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457").addProperty("type", text(null)).addProperty("title", text(null))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text(null)).addProperty("instance", text(null))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(REFS + "FieldError"))));
        if (api.getComponents().getSchemas().containsKey("LocalTime")) { // not the ISO example with nanoseconds
            api.getComponents().addSchema("LocalTime", text("HH:MM, the local time of the venue")
                    .examples(List.of("09:30")));
        }
        keepReferredSchemas(api);
    }

    /** The answers of one operation: those it may give by its kind added, errors as problems, 201 with its address. */
    private static void answers(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean query = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        if (path.contains("{")) {
            add(responses, "404", "Not found: an object the address names does not exist, or not in that edition");
        }
        if (body) {
            add(responses, "400", "Malformed: unreadable JSON, or a value of the wrong type (named in errors)");
            add(responses, "413", "The body is larger than the limit (10 MB unless configured)");
            add(responses, "415", "The body is not JSON");
        }
        if (body || query) {
            add(responses, "422", "Invalid: a rule is broken, each field named in errors");
        }
        if (method != PathItem.HttpMethod.GET) {
            add(responses, "409", "A conflict with the state of the data: full, closed, cancelled, already there,"
                    + " still in use; its type names which (" + Problem.TYPES + "already-registered, for one)");
        }
        add(responses, "406", "Not acceptable: Accept asks for none of the formats the operation answers in, which the"
                + " detail names");
        add(responses, "503", method == PathItem.HttpMethod.GET
                ? "The database is out of reach for a moment: send the same request again after Retry-After"
                : "The database is out of reach for a moment, or the disk holding it is nearly full (type "
                        + DiskRoom.PROBLEM_TYPE + "): nothing was written; send the same request again after Retry-After");
        responses.getAPIResponses().forEach((code, response) -> {
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(SUCCESS.getOrDefault(code, "OK"));
            }
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REFS + "Problem"))));
            } else if (code.equals("201")) {
                response.addHeader("Location", OASFactory.createHeader()
                        .description("The created object's address, where GET reads it again").schema(text(null)));
            }
            if (code.equals("503")) {
                response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
            }
            binaryUnlessDescribed(response.getContent());
        });
    }

    private static void add(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    /** A PDF, a calendar, a CSV or a plan comes as a file: said so where nothing else says what it is. */
    private static void binaryUnlessDescribed(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            Schema schema = media.getSchema();
            boolean empty = schema == null
                    || schema.getRef() == null && (schema.getType() == null || schema.getType().isEmpty());
            if (empty && !type.contains("json")) {
                media.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary"));
            }
        });
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    /** Leaves out the schemas that nothing left in the document refers to, directly or through another. */
    private static void keepReferredSchemas(OpenAPI api) {
        Deque<Schema> toVisit = new ArrayDeque<>();
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> toVisit.add(p.getSchema()));
            }
            if (operation.getRequestBody() != null) {
                schemas(operation.getRequestBody().getContent()).forEach(toVisit::add);
            }
            for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                schemas(response.getContent()).forEach(toVisit::add);
            }
        }));
        Map<String, Schema> all = api.getComponents().getSchemas();
        Set<String> referred = new HashSet<>();
        while (!toVisit.isEmpty()) {
            Schema schema = toVisit.pop();
            if (schema == null) {
                continue;
            }
            if (schema.getRef() != null && schema.getRef().startsWith(REFS)
                    && referred.add(schema.getRef().substring(REFS.length()))) {
                toVisit.add(all.get(schema.getRef().substring(REFS.length())));
            }
            if (schema.getProperties() != null) {
                toVisit.addAll(schema.getProperties().values().stream().filter(Objects::nonNull).toList());
            }
            Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(), schema.getPrefixItems())
                    .filter(Objects::nonNull).flatMap(List::stream).filter(Objects::nonNull).forEach(toVisit::add);
            Stream.of(schema.getItems(), schema.getNot(), schema.getAdditionalPropertiesSchema())
                    .filter(Objects::nonNull).forEach(toVisit::add);
        }
        for (String name : List.copyOf(all.keySet())) {
            if (!referred.contains(name)) {
                api.getComponents().removeSchema(name);
            }
        }
    }

    private static Stream<Schema> schemas(Content content) {
        return content == null || content.getMediaTypes() == null ? Stream.empty()
                : content.getMediaTypes().values().stream().map(MediaType::getSchema);
    }
}
