package org.relais.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The addresses a browser can open as a page (every {@code GET} outside {@code /api}), read once from
 * the resources themselves, and for a form's address the page it sits under: a form's answer shown
 * at its own address (a form sent back with its fields marked, a door's scan without JavaScript)
 * is read again as a page by a reload from the address bar, a bookmark or the language switch.
 */
@ApplicationScoped
public class PageAddresses {

    @Inject
    BeanManager beans;

    /** The pages' addresses (GET) and the forms' (POST), outside the API. */
    private List<Pattern> pages;
    private List<Pattern> forms;

    @PostConstruct
    void read() {
        pages = addresses(GET.class);
        forms = addresses(POST.class);
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

    /** Whether a form is sent to {@code rawPath}. */
    public boolean isForm(String rawPath) {
        return matches(forms, rawPath);
    }

    private static boolean matches(List<Pattern> patterns, String rawPath) {
        return patterns.stream().anyMatch(p -> p.matcher(rawPath).matches());
    }

    private List<Pattern> addresses(Class<? extends Annotation> verb) {
        List<Pattern> found = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path root = bean.getBeanClass().getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                if (method.isAnnotationPresent(verb)) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = join(root.value(), sub == null ? "" : sub.value());
                    if (!path.equals("/api") && !path.startsWith("/api/")) {
                        found.add(pattern(path));
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
