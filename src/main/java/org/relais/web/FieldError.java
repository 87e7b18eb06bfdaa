package org.relais.web;

/** One wrong field of a request, with the message a person reads. */
public record FieldError(String field, String message) {
}
