package com.smbhub.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeUtility;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real-world mail shapes: charsets, encoded words, alternatives, attachments, machines, broken sources. */
class MailParserTest {

    private static MailParser.Parsed parse(String text) {
        return MailParser.parse(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainTextInLatin1QuotedPrintableWithEncodedSubjectAndName() {
        MailParser.Parsed p = parse("From: =?ISO-8859-1?Q?Ren=E9e_Dupr=E9?= <Renee@Example.com>\n"
                + "To: office@northside.test\nSubject: =?UTF-8?B?Q2Fmw6kgc2luayBsZWFr?=\n"
                + "Message-ID: <abc-1@example.com>\nDate: Tue, 01 Dec 2026 09:30:00 -0500\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "Le caf=E9 fuit.\n");
        assertTrue(p.readable());
        assertEquals("abc-1@example.com", p.messageId());
        assertEquals("renee@example.com", p.fromAddress());
        assertEquals("Renée Dupré", p.fromName());
        assertEquals("Café sink leak", p.subject());
        assertEquals("Le café fuit.\n", p.text());
        assertEquals(List.of("office@northside.test"), p.to());
        assertNull(p.automatic());
        assertEquals("2026-12-01T14:30:00Z", p.date().toString());
    }

    @Test
    void iso2022jpBodyIsDecoded() throws Exception {
        byte[] body = "水漏れです".getBytes(Charset.forName("ISO-2022-JP"));
        String head = "From: taro@example.jp\nSubject: " + MimeUtility.encodeText("水漏れ", "ISO-2022-JP", "B")
                + "\nMessage-ID: <jp@example.jp>\n"
                + "Content-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: 7bit\n\n";
        byte[] crlfHead = head.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] raw = new byte[crlfHead.length + body.length];
        System.arraycopy(crlfHead, 0, raw, 0, crlfHead.length);
        System.arraycopy(body, 0, raw, crlfHead.length, body.length);
        MailParser.Parsed p = MailParser.parse(raw);
        assertEquals("水漏れです", p.text());
        assertEquals("水漏れ", p.subject());
    }

    @Test
    void alternativePrefersTextAndKeepsSanitisedHtmlAndAttachments() {
        MailParser.Parsed p = parse("From: a@example.com\nSubject: Re: RE: Fwd: Quote\nMessage-ID: <m2@example.com>\n"
                + "In-Reply-To: <m1@example.com>\nReferences: <m0@example.com>\n <m1@example.com>\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"outer\"\n\n"
                + "--outer\nContent-Type: multipart/alternative; boundary=\"inner\"\n\n"
                + "--inner\nContent-Type: text/plain; charset=utf-8\n\nPlain words\n"
                + "--inner\nContent-Type: text/html; charset=utf-8\n\n<p onclick=\"x()\">Html <b>words</b></p>"
                + "<script>alert(1)</script><img src=\"https://tracker.example/p.gif\">\n"
                + "--inner--\n"
                + "--outer\nContent-Type: application/pdf; name=\"quote.pdf\"\nContent-Disposition: attachment; filename=\"quote.pdf\"\n"
                + "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQKJcTl8uXrCg==\n--outer--\n");
        assertEquals("Plain words", p.text());
        assertTrue(p.html().contains("<b>words</b>"), p.html());
        assertFalse(p.html().contains("script") || p.html().contains("onclick"), p.html());
        assertTrue(MailParser.hasImages(p.html()), "the remote image is kept, to show when asked: " + p.html());
        assertFalse(MailParser.withoutImages(p.html()).contains("tracker"), "shown at first without it");
        assertTrue(MailParser.withoutImages(p.html()).contains("<b>words</b>"));
        assertFalse(MailParser.hasImages(MailParser.withoutImages(p.html())));
        assertEquals(1, p.attachments().size());
        assertEquals("quote.pdf", p.attachments().get(0).fileName());
        assertEquals("application/pdf", p.attachments().get(0).contentType());
        assertEquals("m1@example.com", p.inReplyTo());
        assertEquals(List.of("m0@example.com", "m1@example.com"), p.references());
        assertEquals("quote", MailParser.threadSubject(p.subject()));
    }

    @Test
    void htmlOnlyBecomesReadableText() {
        MailParser.Parsed p = parse("From: a@example.com\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n"
                + "<html><head><style>p{}</style></head><body><p>Line one</p><p>Line&nbsp;two<br>three</p></body></html>\n");
        assertEquals("Line one\nLine two\nthree", p.text());
    }

    @Test
    void machinesAreMarked() {
        assertEquals("AUTO_REPLY", parse("From: a@example.com\nAuto-Submitted: auto-replied\nSubject: Out of office\n\nAway\n")
                .automatic());
        assertEquals("BOUNCE", parse("From: MAILER-DAEMON@mx.example.com\nSubject: Undeliverable\n\nNo\n").automatic());
        assertEquals("LIST", parse("From: news@shop.example\nList-Id: <news.shop.example>\nSubject: Sale\n\nSale\n")
                .automatic());
        assertNull(parse("From: a@example.com\nAuto-Submitted: no\nSubject: Hi\n\nHi\n").automatic());
    }

    @Test
    void aMessageWithoutIdGetsOneFromItsContentAndControlCharactersAreDropped() {
        MailParser.Parsed a = parse("From: a@example.com\nSubject: Nul\u0000here\n\nBody\u0000with\u0007bell\n");
        MailParser.Parsed b = parse("From: a@example.com\nSubject: Nul\u0000here\n\nBody\u0000with\u0007bell\n");
        assertEquals(a.messageId(), b.messageId());
        assertTrue(a.messageId().endsWith("@smbhub.invalid"));
        assertEquals("Nulhere", a.subject());
        assertEquals("Bodywithbell\n", a.text());
    }

    @Test
    void aBrokenSourceStillComesBackUnreadableWithWhatCouldBeRead() {
        MailParser.Parsed p = MailParser.parse(new byte[] {(byte) 0xff, 0, 1, 2, '\r', '\n', '\r', '\n'});
        assertTrue(p.messageId() != null);
        MailParser.Parsed broken = parse("From: a@example.com\nSubject: Broken\nContent-Type: multipart/mixed; boundary=\"b\"\n"
                + "Content-Transfer-Encoding: base64\n\n--b\nContent-Type: text/plain; charset=x-unknown-7\n\n@@@@\n");
        assertEquals("Broken", broken.subject());
        assertEquals("a@example.com", broken.fromAddress());
    }

    @Test
    void lyingCharsetFallsBack() {
        byte[] head = "From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] body = "caf\u00e9".getBytes(Charset.forName("windows-1252"));
        byte[] raw = new byte[head.length + body.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        System.arraycopy(body, 0, raw, head.length, body.length);
        assertEquals("café", MailParser.parse(raw).text());
    }
}
