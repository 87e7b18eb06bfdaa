package org.relais.mail;

/** The e-mails Relais sends a relay. */
public enum MailKind {
    CONFIRMATION, PROMOTION, CANCELLATION, REMINDER, MANAGE_LINK
}
