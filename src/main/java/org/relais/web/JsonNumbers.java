package org.relais.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.LocalDate;

/**
 * The API's JSON: where a whole number is asked for (an id, a stand's number, seats), a fraction is
 * refused as a value of the wrong type, naming its field. Jackson's default cut it to its whole part:
 * {@code "institutionId": 1.5} gave a stand to institution 1, and {@code "seats": 12.7} twelve seats.
 * Where a date is asked for, a number is refused the same way: Jackson read it as a count of days
 * since 1970, so {@code "date": 20000} was 4 October 2024 without a word. (Not by Jackson's strict
 * dates, which would refuse {@code ""} too, read as no date where one is optional.)
 */
@Singleton
public class JsonNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LocalDate.class).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }
}
