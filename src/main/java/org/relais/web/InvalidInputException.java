package org.relais.web;

/** Input that is well-formed but breaks a rule: 422 on the API, the form again on a page. */
public class InvalidInputException extends RuntimeException {

    private final transient Errors errors;

    public InvalidInputException(Errors errors) {
        super("invalid input: " + errors.asMap().keySet());
        this.errors = errors;
    }

    public static InvalidInputException of(String field, String key, Object... args) {
        return new InvalidInputException(new Errors().add(field, key, args));
    }

    public Errors errors() {
        return errors;
    }

    /**
     * When one field is wrong, its message says it best: it is the problem's {@code detail} too
     * (a floor plan that does not fit says by how much).
     */
    public String detail() {
        var list = errors.list();
        return list.size() == 1 ? list.get(0).message() : null;
    }
}
