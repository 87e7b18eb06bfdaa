package org.relais.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The address a mail goes to, as mail servers read it. */
class MailAddressTest {

    @Test
    void aDomainWithAccentsGoesInItsAsciiForm() {
        assertEquals("jean@xn--crche-soleil-ydb.fr", Mails.asciiDomain("jean@crèche-soleil.fr"));
        assertEquals("jean@xn--cole-9oa.fr", Mails.asciiDomain("jean@ÉCOLE.fr"), "in capitals");
        assertEquals("jean@xn--cole-9oa.fr", Mails.asciiDomain("jean@e\u0301cole.fr"), "with the accent typed apart");
        assertEquals("Jean.Dupont@Example.ORG", Mails.asciiDomain("Jean.Dupont@Example.ORG"), "an ASCII address as typed");
    }

    /** Java's IDNA 2003 would send straße.de's mail to strasse.de, since 2010 another domain: it goes as typed. */
    @Test
    void aDomainThatWouldReadAsAnotherGoesAsTyped() {
        assertEquals("jean@straße.de", Mails.asciiDomain("jean@straße.de"));
        assertEquals("jean@" + "é".repeat(70) + ".fr", Mails.asciiDomain("jean@" + "é".repeat(70) + ".fr"), "a label too long");
    }
}
