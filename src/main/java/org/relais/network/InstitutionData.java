package org.relais.network;

import java.util.List;

/** An institution as the API reads and writes it. */
public record InstitutionData(Long id, String slug, String name, String shortName, String kind, String website,
        Correspondent correspondent, List<String> charter, String offer) {

    public record Correspondent(String name, String email, String phone) {
    }

    public static InstitutionData of(Institution i) {
        return new InstitutionData(i.id, i.slug, i.name, i.shortName, i.kind, i.website,
                new Correspondent(i.correspondentName, i.correspondentEmail, i.correspondentPhone), i.charterKeys(), i.offer);
    }
}
