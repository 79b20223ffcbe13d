package dev.terp.architecture;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * A repository is the private door to its package's tables: any access from another package means one module
 * reads or writes another's tables instead of calling its service or port.
 */
class RepositoryPackagePrivacy extends ArchCondition<JavaClass> {

    RepositoryPackagePrivacy() {
        super("be accessed only from their own package");
    }

    @Override
    public void check(JavaClass repository, ConditionEvents events) {
        for (JavaAccess<?> access : repository.getAccessesToSelf()) {
            JavaClass caller = access.getOriginOwner();
            if (!caller.getPackageName().equals(repository.getPackageName())) {
                events.add(SimpleConditionEvent.violated(access, caller.getName() + " uses "
                        + repository.getName() + " from another package: " + access.getDescription()));
            }
        }
    }
}
