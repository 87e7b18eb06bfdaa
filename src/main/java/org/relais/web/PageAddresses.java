package org.relais.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every address the resources answer and with which methods, read once from the resources themselves:
 * the methods an address allows ({@code Allow}, for a 405 and {@code OPTIONS}); the addresses a browser
 * can open as a page (every {@code GET} outside {@code /api}); and for a form's address the page it sits
 * under: a form's answer shown at its own address (a form sent back with its fields marked, a door's
 * scan without JavaScript) is read again as a page by a reload from the address bar, a bookmark or the
 * language switch; and the formats each method of an address answers in, which a 406 names.
 */
@ApplicationScoped
public class PageAddresses {

    @Inject
    BeanManager beans;

    /** One method at one address, and the formats it answers in (its {@code @Produces}, or its class's). */
    private record Route(Pattern address, String method, boolean api, List<String> formats) {
    }

    private List<Route> routes;
    /** The pages' addresses (GET) and the forms' (POST), outside the API. */
    private List<Pattern> pages;
    private List<Pattern> forms;

    @PostConstruct
    void read() {
        routes = routes();
        pages = outsideApi(HttpMethod.GET);
        forms = outsideApi(HttpMethod.POST);
    }

    /**
     * The methods {@code rawPath} answers, as an {@code Allow} header lists them ({@code HEAD} with
     * {@code GET}, and {@code OPTIONS}); empty for an address no resource answers.
     */
    public Set<String> allowed(String rawPath) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.address().matcher(rawPath).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        if (!methods.isEmpty()) {
            methods.add(HttpMethod.OPTIONS);
        }
        return methods;
    }

    /**
     * The formats {@code method} at {@code rawPath} answers in, as its resource declares them ({@code HEAD}
     * those of {@code GET}); empty where none is declared, or for an address no resource answers.
     */
    public Set<String> formats(String rawPath, String method) {
        String read = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
        Set<String> formats = new TreeSet<>();
        for (Route route : routes) {
            if (route.method().equals(read) && route.address().matcher(rawPath).matches()) {
                formats.addAll(route.formats());
            }
        }
        return formats;
    }

    /**
     * {@code OPTIONS} answers with the methods its address allows: RESTEasy's own answer lists every
     * method of the resource's class, those of the addresses below it too.
     */
    @ServerRequestFilter(preMatching = true)
    public Response options(ContainerRequestContext request, HttpServerRequest http) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
            return null;
        }
        Set<String> allowed = allowed(http.path());
        return allowed.isEmpty() ? null : Response.ok().header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
    }

    /** The nearest address above {@code rawPath} that is a page; the home page at the top. */
    public String above(String rawPath) {
        String path = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        for (int cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/')) {
            path = path.substring(0, cut);
            if (matches(pages, path)) {
                return path;
            }
        }
        return "/";
    }

    /** The page a form sent to {@code rawPath} is on: that address where it is a page too, else the nearest above. */
    public String pageOf(String rawPath) {
        return matches(pages, rawPath) ? rawPath : above(rawPath);
    }

    /** Whether a form is sent to {@code rawPath}. */
    public boolean isForm(String rawPath) {
        return matches(forms, rawPath);
    }

    private static boolean matches(List<Pattern> patterns, String rawPath) {
        return patterns.stream().anyMatch(p -> p.matcher(rawPath).matches());
    }

    private List<Pattern> outsideApi(String method) {
        return routes.stream().filter(r -> !r.api() && r.method().equals(method)).map(Route::address).toList();
    }

    private List<Route> routes() {
        List<Route> found = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path root = bean.getBeanClass().getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = join(root.value(), sub == null ? "" : sub.value());
                        Produces formats = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                                : bean.getBeanClass().getAnnotation(Produces.class);
                        found.add(new Route(pattern(path), verb.value(), ErrorMappers.isApi(path),
                                formats == null ? List.of() : List.of(formats.value())));
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A resource's path as a pattern: each {@code {name}} (or {@code {name: regex}}) one segment. */
    static Pattern pattern(String template) {
        String[] parts = template.split("\\{[^}]*}", -1);
        StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            regex.append("[^/]+").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
