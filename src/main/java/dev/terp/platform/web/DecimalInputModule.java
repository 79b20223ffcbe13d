package dev.terp.platform.web;

import java.math.BigDecimal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.stereotype.Component;

/**
 * Every decimal a client sends (money, quantities: a JSON string or number read into {@link BigDecimal}) is at
 * most {@link Decimals#MAX_INPUT_LENGTH} characters long, as the OpenAPI document says. Scale and range are
 * checked later ({@link Decimals}); this bounds the text itself, which leading zeros could otherwise stretch.
 */
@Component
public class DecimalInputModule extends SimpleModule {

    public DecimalInputModule() {
        super("terp-decimal-input");
        addDeserializer(BigDecimal.class, new BoundedDecimals());
    }

    static final class BoundedDecimals extends StdScalarDeserializer<BigDecimal> {

        BoundedDecimals() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
                    || token == JsonToken.VALUE_NUMBER_FLOAT) {
                String text = parser.getString();
                if (text != null && text.length() > Decimals.MAX_INPUT_LENGTH) {
                    throw InvalidFormatException.from(parser, "decimal longer than "
                            + Decimals.MAX_INPUT_LENGTH + " characters", text, BigDecimal.class);
                }
            }
            return NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
        }
    }
}
