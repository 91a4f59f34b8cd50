package org.osim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes HTML and SVG through the JDK's XML writer, which escapes every name and text: elements with their attributes
 * as name-value pairs, and raw text only for the page's own script and style sheet.
 */
final class Markup {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final Writer out;
    private final XMLStreamWriter x;

    Markup(Writer out) {
        this.out = out;
        try {
            this.x = FACTORY.createXMLStreamWriter(out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens element {@code name} with {@code attributes} (name, value, name, value …; a null value leaves one out). */
    Markup open(String name, String... attributes) {
        try {
            x.writeStartElement(name);
            attributes(attributes);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    /** An element with no content, written {@code <name …/>}: SVG shapes and HTML's void elements only. */
    Markup empty(String name, String... attributes) {
        try {
            x.writeEmptyElement(name);
            attributes(attributes);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    /** An element holding {@code text}. */
    Markup element(String name, String text, String... attributes) {
        return open(name, attributes).text(text).close();
    }

    Markup text(String text) {
        try {
            x.writeCharacters(text);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    /** Closes the innermost open element. */
    Markup close() {
        try {
            x.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    /** Text written as it is, inside the element just opened: the page's own script or style sheet. */
    Markup raw(String text) {
        try {
            x.writeCharacters(""); // ends the start tag
            x.flush();
            out.write(text);
        } catch (XMLStreamException e) {
            throw failed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    void flush() {
        try {
            x.flush();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private void attributes(String... attributes) throws XMLStreamException {
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                x.writeAttribute(attributes[i], attributes[i + 1]);
            }
        }
    }

    private static RuntimeException failed(XMLStreamException e) {
        return e.getCause() instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(e);
    }

    /** A number for an SVG coordinate: at most two decimals, no exponent. */
    static String number(double v) {
        long hundredths = Math.round(v * 100);
        if (hundredths % 100 == 0) {
            return Long.toString(hundredths / 100);
        }
        String sign = hundredths < 0 ? "-" : "";
        long a = Math.abs(hundredths);
        String frac = Long.toString(a % 100 + 100).substring(1);
        return sign + a / 100 + "." + (frac.endsWith("0") ? frac.substring(0, 1) : frac);
    }
}
