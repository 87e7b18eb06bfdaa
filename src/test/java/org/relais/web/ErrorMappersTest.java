package org.relais.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockTimeoutException;
import org.junit.jupiter.api.Test;

/** A database out of reach is a 503 to try again, not an internal error; anything else unexpected stays a 500. */
class ErrorMappersTest {

    private static final UriInfo REGISTRATIONS = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(),
            new Class<?>[] {UriInfo.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getPath" -> "/api/v1/editions/7/registrations";
                default -> throw new UnsupportedOperationException(method.getName());
            });

    /** As the admissions' thread hands it over: Hibernate's, inside CDI's, inside the future's. */
    private static Exception wrapped(Exception cause) {
        return new CompletionException(new ArcUndeclaredThrowableException("Error invoking subclass method", cause));
    }

    @Test
    void aBrokenConnectionIsA503ToTryAgain() {
        Exception broken = wrapped(new JDBCConnectionException("JDBC exception executing SQL",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        Response response = Messages.in(Messages.ENGLISH, () -> new ErrorMappers().unexpected(broken, REGISTRATIONS));
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("Service unavailable", problem.title());
        assertEquals("The service is unavailable for a moment. Try again in a few seconds.",
                problem.detail());
    }

    @Test
    void whatMeansTryAgainAndWhatDoesNot() {
        assertTrue(ErrorMappers.databaseUnavailable(wrapped(new LockTimeoutException("lock", new SQLException("timeout",
                "HYT00")))), "a lock not had in time");
        assertTrue(ErrorMappers.databaseUnavailable(new RuntimeException(new SQLException("Connection refused", "08001"))),
                "a bare JDBC failure to connect");
        assertTrue(ErrorMappers.databaseUnavailable(new java.sql.SQLTransientConnectionException("no connection free")));
        assertTrue(ErrorMappers.databaseUnavailable(wrapped(new org.hibernate.exception.GenericJDBCException(
                "Unable to acquire JDBC Connection", new SQLException("FATAL: the database system is starting up",
                        "57P03")))), "PostgreSQL restarting");
        assertFalse(ErrorMappers.databaseUnavailable(wrapped(new ConstraintViolationException("duplicate",
                new SQLException("unique", "23505"), "uk_email"))), "a clash is not an outage");
        assertFalse(ErrorMappers.databaseUnavailable(new IllegalStateException("a bug")), "a bug is not an outage");

        assertFalse(ErrorMappers.databaseUnavailable(new RuntimeException(new SQLException("fk", "23503"))),
                "a row in use is not an outage");

        Response bug = Messages.in(Messages.ENGLISH,
                () -> new ErrorMappers().unexpected(new IllegalStateException("a bug"), REGISTRATIONS));
        assertEquals(500, bug.getStatus());
        assertEquals(null, bug.getHeaderString("Retry-After"));
    }

    /**
     * The database's own refusal that no rule caught first, as a commit throws it (wrapped in the
     * transaction's rollback): a 409 that says what it is, never a 500. A row still referred to
     * answered "this already exists", or a 500 once wrapped.
     */
    @Test
    void theDatabasesRefusalIsAClashSaidInWords() {
        for (String state : new String[] {"23503", "23506"}) { // PostgreSQL's, H2's
            jakarta.transaction.RollbackException commit = new jakarta.transaction.RollbackException("Could not commit");
            commit.initCause(new ConstraintViolationException("could not execute batch",
                    new SQLException("Referential integrity constraint violation", state), "fk_badge_holder"));
            Response inUse = Messages.in(Messages.ENGLISH, () -> new ErrorMappers().unexpected(wrapped(commit), REGISTRATIONS));
            assertEquals(409, inUse.getStatus(), state);
            assertEquals("Other data still depends on it: nothing was changed.", ((Problem) inUse.getEntity()).detail());
            Response direct = Messages.in(Messages.ENGLISH, () -> new ErrorMappers().duplicate(new ConstraintViolationException(
                    "fk", new SQLException("fk", state), "fk_badge_holder"), REGISTRATIONS));
            assertEquals("Other data still depends on it: nothing was changed.", ((Problem) direct.getEntity()).detail());
        }
        Response duplicate = Messages.in(Messages.ENGLISH, () -> new ErrorMappers().unexpected(wrapped(
                new ConstraintViolationException("duplicate", new SQLException("unique", "23505"), "uk_email")), REGISTRATIONS));
        assertEquals(409, duplicate.getStatus());
        assertEquals("This already exists.", ((Problem) duplicate.getEntity()).detail());
        assertEquals(null, ErrorMappers.refusal(new RuntimeException(new SQLException("not null", "23502"))),
                "a missing value is a bug, not a clash");
    }
}
