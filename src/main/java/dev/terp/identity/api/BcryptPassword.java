package dev.terp.identity.api;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.terp.identity.domain.PasswordPolicy;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The password fits BCrypt ({@link PasswordPolicy#MAX_BYTES} bytes of UTF-8). On every request carrying a password,
 * login included: BCrypt refuses longer input with an exception, which must end as a 400 naming the limit, not a 500.
 */
@Documented
@Constraint(validatedBy = BcryptPassword.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface BcryptPassword {

    String message() default PasswordPolicy.TOO_LONG;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<BcryptPassword, String> {

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return PasswordPolicy.fitsBcrypt(password);
        }
    }
}
