package dev.terp.platform.text;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.stereotype.Component;

/**
 * Applies the text rules of api-conventions §6 to every string a client sends, in one place: plain text by
 * default ({@link PlainText}), the allow-list for fields marked {@link RichText}, nothing for {@link Verbatim}.
 * Strings inside lists of a marked field follow the field's rule.
 */
@Component
public class TextHygieneModule extends SimpleModule {

    public TextHygieneModule() {
        super("terp-text-hygiene");
        addDeserializer(String.class, new HygienicStrings(Rule.PLAIN));
    }

    enum Rule {
        PLAIN, RICH, VERBATIM
    }

    static final class HygienicStrings extends StdScalarDeserializer<String> {

        private final Rule rule;

        HygienicStrings(Rule rule) {
            super(String.class);
            this.rule = rule;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String raw = StringDeserializer.instance.deserialize(parser, context);
            return switch (rule) {
                case PLAIN -> PlainText.strip(raw);
                case RICH -> RichText.Sanitizer.sanitize(raw);
                case VERBATIM -> raw;
            };
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            if (property == null) {
                return this;
            }
            if (property.getAnnotation(Verbatim.class) != null) {
                return new HygienicStrings(Rule.VERBATIM);
            }
            if (property.getAnnotation(RichText.class) != null) {
                return new HygienicStrings(Rule.RICH);
            }
            return new HygienicStrings(Rule.PLAIN);
        }
    }
}
