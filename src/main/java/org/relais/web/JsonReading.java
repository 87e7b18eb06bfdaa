package org.relais.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/**
 * How the API reads JSON, where Jackson's defaults would guess:
 * <ul>
 * <li>where a whole number is asked for (an id, a stand's number, seats), a fraction is refused as a value of the
 * wrong type, naming its field. Jackson cut it to its whole part: {@code "institutionId": 1.5} gave a stand to
 * institution 1, and {@code "seats": 12.7} twelve seats;</li>
 * <li>where a date is asked for, a number is refused the same way: Jackson read it as a count of days since 1970, so
 * {@code "date": 20000} was 4 October 2024 without a word. (Not by Jackson's strict dates, which would refuse
 * {@code ""} too, read as no date where one is optional);</li>
 * <li>every text has the direction marks it left open closed where it ends ({@link DirectionMarks}), as a page's
 * form's have ({@link Form}).</li>
 * </ul>
 */
@Singleton
public class JsonReading implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LocalDate.class).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("relais-texts").addDeserializer(String.class, new ClosedTexts()));
    }

    /** Jackson's own reading of a text, its direction marks closed. */
    static final class ClosedTexts extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return DirectionMarks.closed(super.deserialize(parser, context));
        }
    }
}
