package org.relais.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem document, the body of every API error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** RFC 9457's type of a problem that its status and words say all of. */
    public static final String NO_TYPE = "about:blank";
    /** Relais's own problem types, tag URIs: names that lead nowhere, the same in every language and version. */
    public static final String TYPES = "tag:relais,2026:";
}
