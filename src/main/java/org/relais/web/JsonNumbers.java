package org.relais.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The API's JSON: where a whole number is asked for (an id, a stand's number, seats), a fraction is
 * refused as a value of the wrong type, naming its field. Jackson's default cut it to its whole part:
 * {@code "institutionId": 1.5} gave a stand to institution 1, and {@code "seats": 12.7} twelve seats.
 */
@Singleton
public class JsonNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
