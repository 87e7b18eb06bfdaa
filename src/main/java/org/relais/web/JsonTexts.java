package org.relais.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * The API's JSON: every text it takes has the direction marks it left open closed where it ends
 * ({@link DirectionMarks}), as a page's form has ({@link Form}). Jackson reads it as before otherwise.
 */
@Singleton
public class JsonTexts implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("relais-texts").addDeserializer(String.class, new ClosedTexts()));
    }

    static final class ClosedTexts extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return DirectionMarks.closed(super.deserialize(parser, context));
        }
    }
}
