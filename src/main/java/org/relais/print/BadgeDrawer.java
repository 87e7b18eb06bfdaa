package org.relais.print;

import java.util.ArrayList;
import java.util.List;
import org.relais.print.SheetLayout.Box;
import org.relais.print.SheetLayout.NameOrder;
import org.relais.print.TextFit.Line;

/**
 * Draws one badge in its box: the event at the top, the name large, the organisation, the QR code
 * and a full-width band in the role's colour. Every size follows the badge's height, so one
 * design serves a 55 mm label and an A6 card; every text is measured before it is drawn.
 */
final class BadgeDrawer {

    private static final double MM = SheetLayout.POINTS_PER_MM;
    private static final int INK = 0x1A1A1A;
    private static final int GREY = 0x555555;
    private static final int WHITE = 0xFFFFFF;

    private BadgeDrawer() {
    }

    static void front(Surface s, Badge badge, Box box, NameOrder order) {
        double u = box.height() / (55 * MM);
        double pad = 4 * MM * u;
        double innerWidth = box.width() - 2 * pad;
        double top = box.y() + box.height() - pad;

        // The event: its title, then its date, small and grey.
        List<Line> header = new ArrayList<>();
        header.addAll(TextFit.fit(badge.eventTitle(), Face.BOLD, innerWidth, 7 * u, 4, 1));
        header.addAll(TextFit.fit(badge.eventDate(), Face.REGULAR, innerWidth, 6.5 * u, 4, 1));
        double y = drawLines(s, header, box.x() + pad, innerWidth, top, GREY);

        // The role band, full width at the bottom.
        double band = 10 * MM * u;
        s.fillRect(box.x(), box.y(), box.width(), band, badge.roleColour());
        List<Line> role = TextFit.fit(badge.role() == null ? "" : badge.role().toUpperCase(java.util.Locale.ROOT),
                Face.BOLD, innerWidth, 11 * u, 3, 1);
        if (!role.isEmpty()) {
            Line r = role.get(0);
            double baseline = box.y() + (band - r.size() * 0.72) / 2;
            s.text(r.text(), box.x() + (box.width() - r.width()) / 2, baseline, r.size(), WHITE);
        }

        // The QR code at the right, between the header and the band (its quiet zone is white space).
        double areaTop = y - 1 * MM * u;
        double areaBottom = box.y() + band + 1 * MM * u;
        double qrSide = Math.min(areaTop - areaBottom, 0.36 * box.width());
        double qrX = box.x() + box.width() - qrSide - 1 * MM * u;
        s.qr(QrCode.encode(badge.code()), qrX, areaBottom + (areaTop - areaBottom - qrSide) / 2, qrSide);

        // The name and the organisation, left of the QR code.
        double textWidth = qrX - box.x() - pad;
        List<Line> organisation = TextFit.fit(badge.organisation(), Face.REGULAR, textWidth, 9 * u, 6 * u, 2);
        List<Line> name = new ArrayList<>();
        if (order == NameOrder.STACKED) {
            name.addAll(TextFit.fit(badge.firstName(), Face.REGULAR, textWidth, 17 * u, 11 * u, 2));
            name.addAll(TextFit.fit(badge.lastName(), Face.BOLD, textWidth, 17 * u, 11 * u, 2));
        } else {
            name.addAll(TextFit.fit(badge.firstName() + " " + badge.lastName(), Face.BOLD, textWidth, 17 * u,
                    11 * u, 2));
        }
        double gap = 1.5 * MM * u;
        double room = areaTop - areaBottom - gap;
        double needed = TextFit.height(name) + TextFit.height(organisation);
        if (needed > room) {
            double factor = room / needed;
            name = TextFit.scaled(name, factor);
            organisation = TextFit.scaled(organisation, factor);
        }
        drawLines(s, name, box.x() + pad, textWidth, areaTop, INK);
        drawLines(s, organisation, box.x() + pad, textWidth, areaBottom + TextFit.height(organisation), GREY);
    }

    /** The back: who it belongs to and their sessions, for printing double-sided. */
    static void back(Surface s, Badge badge, Box box) {
        double u = box.height() / (55 * MM);
        double pad = 4 * MM * u;
        double width = box.width() - 2 * pad;
        double top = box.y() + box.height() - pad;
        List<Line> head = new ArrayList<>();
        head.addAll(TextFit.fit(badge.firstName() + " " + badge.lastName(), Face.BOLD, width, 8 * u, 4, 1));
        head.addAll(TextFit.fit(badge.backTitle(), Face.REGULAR, width, 7 * u, 4, 1));
        double y = drawLines(s, head, box.x() + pad, width, top, GREY) - 1 * MM * u;
        s.line(box.x() + pad, y, box.x() + box.width() - pad, y, 0.5, GREY);
        // Every session at one size: the size the tightest of them needs, so that a line shrunk to stay
        // on one line does not stand smaller than its neighbours wrapped at full size.
        double size = 7.5 * u;
        for (String line : badge.backLines()) {
            for (Line fitted : TextFit.fit(line, Face.REGULAR, width, 7.5 * u, 6 * u, 2)) {
                size = Math.min(size, fitted.size());
            }
        }
        List<Line> lines = new ArrayList<>();
        for (String line : badge.backLines()) {
            lines.addAll(TextFit.fit(line, Face.REGULAR, width, size, Math.min(6 * u, size), 2));
        }
        double room = y - 1 * MM * u - (box.y() + pad);
        double needed = TextFit.height(lines);
        if (needed > room) {
            lines = TextFit.scaled(lines, room / needed);
        }
        drawLines(s, lines, box.x() + pad, width, y - 1 * MM * u, INK);
    }

    /** Draws lines downward from {@code top}, right-aligned when they read right to left; returns where they end. */
    private static double drawLines(Surface s, List<Line> lines, double left, double width, double top, int rgb) {
        double y = top;
        for (Line line : lines) {
            double baseline = y - line.size() * 0.93;
            double x = line.rightToLeft() ? left + width - line.width() : left;
            s.text(line.text(), x, baseline, line.size(), rgb);
            y -= line.size() * TextFit.LEADING;
        }
        return y;
    }
}
