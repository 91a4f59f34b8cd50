package org.osim.importers.simso;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.osim.api.OsimException;
import org.osim.api.SourceLocation;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** The elements of a SimSo file by tag, each with its attributes and where it starts, for errors at a place. */
final class SimsoXml {
    /** One element: its attributes and the place of its start tag. */
    record Element(String tag, Map<String, String> attributes, SourceLocation at) {
        boolean has(String name) {
            return attributes.containsKey(name);
        }

        String text(String name, String otherwise) {
            return attributes.getOrDefault(name, otherwise);
        }

        String require(String name) {
            String v = attributes.get(name);
            if (v == null) {
                throw OsimException.badInput(at, "<" + tag + "> needs the attribute " + name);
            }
            return v;
        }

        long integer(String name, long otherwise) {
            String v = attributes.get(name);
            if (v == null) {
                return otherwise;
            }
            try {
                return (long) Double.parseDouble(v.strip()); // SimSo reads some as int(float(x))
            } catch (NumberFormatException e) {
                throw OsimException.badInput(at, "<" + tag + "> " + name + "=\"" + v + "\": expected a number");
            }
        }

        double decimal(String name, double otherwise) {
            String v = attributes.get(name);
            return v == null ? otherwise : number(this, name, v.strip());
        }
    }

    private final String file;
    private final Map<String, List<Element>> byTag;

    private SimsoXml(String file, Map<String, List<Element>> byTag) {
        this.file = file;
        this.byTag = byTag;
    }

    static double number(Element e, String attribute, String text) {
        try {
            double d = Double.parseDouble(text);
            if (Double.isFinite(d) && d >= 0) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw OsimException.badInput(e.at(), "<" + e.tag() + "> " + attribute + ": expected a number of 0 or more, got '" + text + "'");
    }

    static SimsoXml parse(String file, InputStream in) throws IOException {
        Map<String, List<Element>> byTag = new HashMap<>();
        DefaultHandler handler = new DefaultHandler() {
            private Locator locator;

            @Override
            public void setDocumentLocator(Locator locator) {
                this.locator = locator;
            }

            @Override
            public void startElement(String uri, String local, String qName, Attributes attrs) {
                Map<String, String> a = new LinkedHashMap<>();
                for (int i = 0; i < attrs.getLength(); i++) {
                    a.put(attrs.getQName(i), attrs.getValue(i));
                }
                // The locator stands at the end of the start tag: errors name that line.
                SourceLocation at = new SourceLocation(file, locator.getLineNumber(), Math.max(1, locator.getColumnNumber()));
                byTag.computeIfAbsent(qName, k -> new ArrayList<>()).add(new Element(qName, a, at));
            }
        };
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.newSAXParser().parse(in, handler);
        } catch (SAXParseException e) {
            throw OsimException.badInput(new SourceLocation(file, Math.max(1, e.getLineNumber()), Math.max(1, e.getColumnNumber())),
                    "malformed XML: " + e.getMessage());
        } catch (SAXException | ParserConfigurationException e) {
            throw OsimException.badInput(file + ": malformed XML: " + e.getMessage());
        }
        return new SimsoXml(file, byTag);
    }

    /** The first element {@code tag}, which SimSo requires. */
    Element only(String tag) {
        List<Element> es = byTag.get(tag);
        if (es == null || es.isEmpty()) {
            throw OsimException.badInput(file + ": a SimSo configuration needs a <" + tag + "> element");
        }
        return es.get(0);
    }

    List<Element> all(String tag) {
        return byTag.getOrDefault(tag, List.of());
    }
}
