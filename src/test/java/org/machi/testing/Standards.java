package org.machi.testing;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Checks documents against the official schemas kept in the test resources (standards/); fails with the validator's words. */
public final class Standards {


    private Standards() {
    }

    /** The OASIS CAP 1.2 XML Schema, from the test class path. */
    public static URL cap12() {
        return schema("cap12.xsd");
    }

    private static URL schema(String name) {
        URL url = Standards.class.getResource("/standards/" + name);
        if (url == null) {
            throw new AssertionError("the schema standards/" + name + " is missing from the test resources");
        }
        return url;
    }

    /**
     * A CAP message as Machi publishes it: valid against the OASIS CAP 1.2 XML Schema, and taken by
     * Google Public Alerts (its profile's rules, {@link GoogleCapProfile}).
     */
    public static void assertValidCap(String xml) {
        try {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(cap12())
                    .newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (Exception invalid) {
            throw new AssertionError("not valid CAP 1.2: " + invalid.getMessage() + "\n" + xml, invalid);
        }
        List<String> problems = GoogleCapProfile.problems(xml);
        if (!problems.isEmpty()) {
            throw new AssertionError("refused by Google's CAP profile: " + problems + "\n" + xml);
        }
    }

    /** Atom 1.0 (RFC 4287's RELAX NG schema, compact syntax). */
    public static void assertValidAtom(String xml) {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        try {
            if (!driver.loadSchema(new InputSource(schema("atom_rfc4287.rng").toExternalForm()))) {
                throw new AssertionError("the Atom schema did not load: " + errors);
            }
            boolean valid = driver.validate(new InputSource(new StringReader(xml)));
            if (!valid || !errors.isEmpty()) {
                throw new AssertionError("not valid Atom: " + errors + "\n" + xml);
            }
        } catch (IOException | SAXException e) {
            throw new AssertionError("could not validate Atom: " + e.getMessage(), e);
        }
    }
}
