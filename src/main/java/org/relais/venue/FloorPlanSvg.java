package org.relais.venue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A hall's plan as SVG, to scale: the hall, its obstacles (doors and exits with their clear zone),
 * each stand numbered and labelled with its institution's short name when the name fits, coloured
 * by the institution's kind, and a legend.
 */
public final class FloorPlanSvg {

    /** SVG units per metre. */
    private static final double SCALE = 40;
    private static final String[] PALETTE = {"#9ecae1", "#fdae6b", "#a1d99b", "#bcbddc", "#fc9272", "#c7e9c0",
        "#fdd0a2", "#dadaeb", "#9e9ac8", "#fee391", "#c6dbef", "#d9d9d9"};

    private FloorPlanSvg() {
    }

    /** The colour of the i-th institution kind, as 0xRRGGBB: the same in the SVG and the PDF. */
    static int kindColour(int i) {
        return Integer.parseInt(PALETTE[i % PALETTE.length].substring(1), 16);
    }

    public record StandMark(long id, int number, String label, String kind, FloorLayout.Rect rect, boolean problem) {
    }

    public record FixedMark(ObstacleKind kind, String label, FloorLayout.Rect rect, double clearance) {
    }

    /** @param kindNames every kind's words, in the order the legend lists them */
    public static String render(String title, double width, double depth, List<FixedMark> fixed, List<StandMark> stands,
            Map<String, String> kindNames, Map<ObstacleKind, String> obstacleNames) {
        Map<String, String> colours = new LinkedHashMap<>();
        int k = 0;
        for (String kind : kindNames.keySet()) {
            colours.put(kind, PALETTE[k++ % PALETTE.length]);
        }
        double legendHeight = 0.9 * (1 + (kindNames.size() + 2) / 3) + 0.6;
        double w = width * SCALE;
        double h = (depth + legendHeight + 0.6) * SCALE;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-10 -10 ").append(n(w + 20)).append(' ')
                .append(n(h + 20)).append("\" role=\"group\" aria-labelledby=\"plan-title\" class=\"floorplan\"")
                .append(" font-family=\"DejaVu Sans, sans-serif\">\n");
        svg.append("<title id=\"plan-title\">").append(esc(title)).append("</title>\n");
        svg.append("<g class=\"hall-size\" data-width=\"").append(m(width)).append("\" data-depth=\"").append(m(depth))
                .append("\" data-scale=\"").append(n(SCALE)).append("\"></g>\n");
        svg.append("<rect class=\"hall\" x=\"0\" y=\"0\" width=\"").append(n(w)).append("\" height=\"").append(n(depth * SCALE))
                .append("\" fill=\"#fafafa\" stroke=\"#333\" stroke-width=\"3\"/>\n");
        for (FixedMark f : fixed) {
            FloorLayout.Rect r = f.rect();
            if (f.kind().isPassage() && f.clearance() > 0) {
                // The clear zone inside the hall only: beyond the wall it is the outside.
                FloorLayout.Rect g = r.grown(f.clearance());
                double cx0 = Math.max(0, g.x());
                double cy0 = Math.max(0, g.y());
                FloorLayout.Rect c = new FloorLayout.Rect(cx0, cy0, Math.min(width, g.right()) - cx0,
                        Math.min(depth, g.bottom()) - cy0);
                svg.append("<rect class=\"clearance\" x=\"").append(n(c.x() * SCALE)).append("\" y=\"").append(n(c.y() * SCALE))
                        .append("\" width=\"").append(n(c.width() * SCALE)).append("\" height=\"").append(n(c.depth() * SCALE))
                        .append("\" fill=\"#e5f5e0\" stroke=\"#31a354\" stroke-dasharray=\"6 4\"/>\n");
            }
            String fill = switch (f.kind()) {
                case EMERGENCY_EXIT -> "#31a354";
                case DOOR -> "#74c476";
                case STAGE -> "#636363";
                default -> "#969696";
            };
            svg.append("<rect class=\"obstacle\" data-kind=\"").append(f.kind().name()).append("\" data-x=\"")
                    .append(m(r.x())).append("\" data-y=\"").append(m(r.y())).append("\" data-w=\"").append(m(r.width()))
                    .append("\" data-d=\"").append(m(r.depth())).append("\" data-clearance=\"").append(m(f.clearance()))
                    .append("\" x=\"").append(n(r.x() * SCALE)).append("\" y=\"").append(n(r.y() * SCALE))
                    .append("\" width=\"").append(n(r.width() * SCALE)).append("\" height=\"").append(n(r.depth() * SCALE))
                    .append("\" fill=\"").append(fill).append("\"><title>").append(esc(obstacleNames.get(f.kind())
                            + (f.label() == null ? "" : " · " + f.label()))).append("</title></rect>\n");
        }
        for (StandMark s : stands) {
            FloorLayout.Rect r = s.rect();
            double sw = r.width() * SCALE;
            double sh = r.depth() * SCALE;
            svg.append("<g class=\"stand\" data-stand=\"").append(s.id()).append("\" data-number=\"").append(s.number())
                    .append("\" data-x=\"").append(m(r.x())).append("\" data-y=\"").append(m(r.y()))
                    .append("\" data-w=\"").append(m(r.width())).append("\" data-d=\"").append(m(r.depth()))
                    .append("\" data-equivalent=\"positions\" tabindex=\"0\" role=\"button\" aria-label=\"").append(s.number())
                    .append(s.label() == null ? "" : " " + esc(s.label())).append("\">");
            svg.append("<rect x=\"").append(n(r.x() * SCALE)).append("\" y=\"").append(n(r.y() * SCALE)).append("\" width=\"")
                    .append(n(sw)).append("\" height=\"").append(n(sh)).append("\" fill=\"")
                    .append(colours.getOrDefault(s.kind(), "#d9d9d9")).append("\" stroke=\"")
                    .append(s.problem() ? "#b3261e" : "#333").append("\" stroke-width=\"").append(s.problem() ? "4" : "1.5")
                    .append("\"/>");
            double cx = (r.x() + r.width() / 2) * SCALE;
            double size = Math.min(18, sh * 0.32);
            svg.append("<text x=\"").append(n(cx)).append("\" y=\"").append(n(r.y() * SCALE + sh * 0.42))
                    .append("\" font-size=\"").append(n(size)).append("\" font-weight=\"bold\" text-anchor=\"middle\">")
                    .append(s.number()).append("</text>");
            // The short name only if it fits the stand's width; otherwise the index carries it.
            double labelSize = Math.min(12, sh * 0.22);
            if (s.label() != null && s.label().length() * labelSize * 0.6 <= sw - 4) {
                // The space, not drawn, makes the stand's text read "1 ARTE", as its name does, not "1ARTE".
                svg.append(" <text x=\"").append(n(cx)).append("\" y=\"").append(n(r.y() * SCALE + sh * 0.78))
                        .append("\" font-size=\"").append(n(labelSize)).append("\" text-anchor=\"middle\">")
                        .append(esc(s.label())).append("</text>");
            }
            svg.append("<title>").append(s.number()).append(s.label() == null ? "" : " · " + esc(s.label())).append("</title></g>\n");
        }
        // The legend: institution kinds' colours.
        double ly = (depth + 0.6) * SCALE;
        int i = 0;
        for (Map.Entry<String, String> kind : kindNames.entrySet()) {
            double lx = (i % 3) * (w / 3);
            double y = ly + (i / 3) * 0.9 * SCALE;
            svg.append("<rect x=\"").append(n(lx)).append("\" y=\"").append(n(y)).append("\" width=\"20\" height=\"20\" fill=\"")
                    .append(colours.get(kind.getKey())).append("\" stroke=\"#333\"/><text x=\"").append(n(lx + 28))
                    .append("\" y=\"").append(n(y + 16)).append("\" font-size=\"16\">").append(esc(kind.getValue()))
                    .append("</text>\n");
            i++;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String m(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
