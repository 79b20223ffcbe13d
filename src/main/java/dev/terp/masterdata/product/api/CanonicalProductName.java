package dev.terp.masterdata.product.api;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.terp.masterdata.product.domain.ProductNames;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The text has a usable canonical product name: at least one letter or digit, and not longer than the column once
 * normalised (NFKC can lengthen text: "㎏" becomes "kg"). A bean constraint rather than a check in the service, so
 * a name of punctuation only is reported together with every other invalid field.
 */
@Documented
@Constraint(validatedBy = CanonicalProductName.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface CanonicalProductName {

    String message() default "must contain a letter or digit";

    /** The longest canonical name the database holds. */
    int max() default 500;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CanonicalProductName, String> {

        private int max;

        @Override
        public void initialize(CanonicalProductName constraint) {
            this.max = constraint.max();
        }

        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            if (name == null || name.isBlank()) {
                return true; // @NotBlank reports a missing or blank name; once is enough
            }
            String canonical = ProductNames.canonical(name);
            if (canonical.isEmpty()) {
                return false;
            }
            if (canonical.length() > max) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("is longer than " + max
                        + " characters once normalised").addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
