package dev.terp.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/** Every alert rule the project ships names a runbook that exists, and the runbook index lists every alert. */
class RunbooksTest {

    private static final List<Path> RULE_FILES = List.of(Path.of("k8s", "observability", "alert-rules.yaml"),
            Path.of("k8s", "base", "prometheusrule-backup.yaml"));

    @Test
    void everyAlertRuleHasARunbookThatExistsAndIsIndexed() throws IOException {
        String index = Files.readString(Path.of("docs", "runbooks", "README.md"));
        List<String> alerts = new ArrayList<>();
        for (Path file : RULE_FILES) {
            Map<?, ?> rule = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            for (Object group : (List<?>) ((Map<?, ?>) rule.get("spec")).get("groups")) {
                for (Object each : (List<?>) ((Map<?, ?>) group).get("rules")) {
                    Map<?, ?> alert = (Map<?, ?>) each;
                    String name = (String) alert.get("alert");
                    String runbook = (String) ((Map<?, ?>) alert.get("annotations")).get("runbook_url");
                    alerts.add(name);
                    assertThat(runbook).as(name + "'s runbook_url").startsWith("docs/runbooks/");
                    assertThat(Path.of(runbook)).as(name + "'s runbook").isRegularFile();
                    assertThat(Files.readString(Path.of(runbook))).as(name + "'s runbook names it").contains(name);
                    assertThat(index).as("docs/runbooks/README.md lists " + name).contains(name);
                }
            }
        }
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(10).doesNotHaveDuplicates();
    }
}
