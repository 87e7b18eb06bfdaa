package org.relais.web;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Row locks taken with plain SQL, the same on H2 and PostgreSQL. A request that writes a reference to a row locks that
 * row first, and so does one that deletes it, before counting what still uses it: H2 checks a foreign key without
 * locking the row referred to, so a deletion and a new reference landing in the same moment both went through, the
 * new row pointing nowhere. Locked, the later waits for the earlier and then finds the row gone, or in use.
 */
public final class RowLocks {

    private RowLocks() {
    }

    /** Locks the row until the transaction ends; false when there is no such row, or it was deleted meanwhile. */
    public static boolean lock(String table, Long id) {
        return id != null && !Panache.getEntityManager().createNativeQuery("select id from " + table + " where id = ?1 for update")
                .setParameter(1, id).getResultList().isEmpty();
    }
}
