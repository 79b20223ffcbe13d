package dev.terp.deployment;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Builds every overlay under k8s/overlays with {@code kubectl kustomize}, reads each document into fabric8's typed
 * Kubernetes model (a field the model does not know fails, as does a kind we do not expect), checks what the model
 * cannot (required fields, references between objects, the hardening every container must have) and cross-checks the
 * probes, ports and shutdown timing against src/main/resources/application.yml and the Dockerfile.
 * <p>
 * Without kubectl on PATH the overlays cannot be built: the test is then skipped with a message saying so (visible in
 * the Surefire report), never silently passed.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final String APP_IMAGE = "terp-reactive";
    private static final int PRESTOP_MARGIN_SECONDS = 5;

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/CronJob", CronJob.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Stream<Path> overlays() throws IOException {
        try (Stream<Path> entries = Files.list(K8S.resolve("overlays"))) {
            List<Path> overlays = entries.filter(Files::isDirectory).sorted().toList();
            assertThat(overlays).as("overlays under k8s/overlays").isNotEmpty();
            return overlays.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void overlayBuildsIntoValidHardenedManifestsThatMatchTheApplication(Path overlay) throws Exception {
        List<HasMetadata> resources = build(overlay);
        Manifests manifests = new Manifests(overlay.getFileName().toString(), resources);
        List<String> problems = new ArrayList<>();
        manifests.checkRequiredFields(problems);
        manifests.checkReferences(problems, secretTemplateKeys());
        manifests.checkHardening(problems);
        manifests.checkAgainstApplication(problems, ApplicationConfig.read());
        assertThat(problems).as("problems in overlay " + overlay).isEmpty();
        assertThat(manifests.kinds()).as("kinds in overlay " + overlay).contains("Deployment", "Service", "Ingress",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap", "NetworkPolicy", "CronJob",
                "PersistentVolumeClaim", "ServiceMonitor", "PrometheusRule");
    }

    @Test
    void theTypedModelRejectsAFieldItDoesNotKnow() {
        Map<String, Object> document = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "x"),
                "spec", Map.of("replicas", 1, "template", Map.of("spec", Map.of("containers",
                        List.of(Map.of("name", "api", "image", "i", "livenessProbes", Map.of()))))));
        List<String> problems = new ArrayList<>();
        toTyped(document, problems);
        assertThat(problems).singleElement().asString().contains("livenessProbes");
    }

    @Test
    void theSecretTemplateHoldsNoRealSecrets() throws IOException {
        Map<String, Map<String, String>> secrets = secretTemplateValues();
        assertThat(secrets).containsKeys("terp-db", "terp-redis", "terp-auth");
        secrets.forEach((name, values) -> values.forEach((key, value) -> {
            if (key.contains("password") || key.contains("secret")) {
                assertThat(value).as(name + "/" + key).startsWith("REPLACE_ME");
            }
        }));
    }

    // --- building and reading ---

    private static List<HasMetadata> build(Path overlay) throws Exception {
        Optional<Path> kubectl = kubectl();
        Assumptions.assumeTrue(kubectl.isPresent(), () -> {
            String message = "kubectl not found on PATH: k8s/overlays were NOT built or validated";
            System.err.println("WARNING: " + message);
            return message;
        });
        Path out = Files.createTempFile("kustomize", ".yaml");
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", overlay.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl kustomize " + overlay + " did not finish in 60 s");
            }
            assertThat(process.exitValue()).as("kubectl kustomize %s: %s", overlay,
                    Files.readString(err, StandardCharsets.UTF_8)).isZero();
            List<String> problems = new ArrayList<>();
            List<HasMetadata> resources = new ArrayList<>();
            for (Object document : yaml().loadAll(Files.readString(out, StandardCharsets.UTF_8))) {
                if (document != null) {
                    toTyped(asMap(document), problems).ifPresent(resources::add);
                }
            }
            assertThat(problems).as("documents of " + overlay).isEmpty();
            return resources;
        }
        finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Optional<Path> kubectl() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(directory -> Path.of(directory, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Optional<HasMetadata> toTyped(Map<String, Object> document, List<String> problems) {
        String key = document.get("apiVersion") + "/" + document.get("kind");
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            problems.add("unexpected kind " + key + " (add it to KINDS with its fabric8 type)");
            return Optional.empty();
        }
        HasMetadata typed;
        try {
            typed = JSON.convertValue(document, type);
        }
        catch (IllegalArgumentException unreadable) {
            problems.add(key + ": " + unreadable.getMessage());
            return Optional.empty();
        }
        String where = document.get("kind") + "/" + (typed.getMetadata() == null ? "?" : typed.getMetadata().getName());
        unknownFields(typed, where, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        return Optional.of(typed);
    }

    /**
     * fabric8's model keeps fields it does not know in {@code additionalProperties} instead of failing; a typo such
     * as {@code livenessProbes} would otherwise vanish into it.
     */
    private static void unknownFields(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> unknownFields(child, path + "." + key, problems, seen));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object child : collection) {
                unknownFields(child, path + "[" + index++ + "]", problems, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            }
            catch (ReflectiveOperationException unreadable) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            unknownFields(child, path + "." + propertyName(getter), problems, seen);
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object document) {
        assertThat(document).isInstanceOf(Map.class);
        return (Map<String, Object>) document;
    }

    private static Map<String, Map<String, String>> secretTemplateValues() throws IOException {
        Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
        for (Object document : yaml().loadAll(
                Files.readString(K8S.resolve("secret-template/secrets.yaml"), StandardCharsets.UTF_8))) {
            Secret secret = JSON.convertValue(document, Secret.class);
            secrets.put(secret.getMetadata().getName(), secret.getStringData());
        }
        return secrets;
    }

    private static Map<String, Set<String>> secretTemplateKeys() throws IOException {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        secretTemplateValues().forEach((name, values) -> keys.put(name, values.keySet()));
        return keys;
    }

    // --- what the application says ---

    /** The parts of application.yml (first document: production defaults) that the manifests depend on. */
    record ApplicationConfig(int serverPort, String actuatorBasePath, Set<String> healthGroups, boolean probesEnabled,
                             Set<String> exposedEndpoints, boolean gracefulShutdown, Duration shutdownPhase,
                             Optional<Integer> imageUser) {

        static ApplicationConfig read() throws IOException {
            Map<String, Object> yml = asMap(yaml().loadAll(Files.readString(
                    Path.of("src/main/resources/application.yml"), StandardCharsets.UTF_8)).iterator().next());
            int port = Integer.parseInt(String.valueOf(at(yml, "server.port").orElse("8080")));
            String basePath = String.valueOf(at(yml, "management.endpoints.web.base-path").orElse("/actuator"));
            Set<String> groups = at(yml, "management.endpoint.health.group").map(KubernetesManifestsTest::asMap)
                    .map(Map::keySet).orElse(Set.of());
            boolean probes = Boolean.parseBoolean(String.valueOf(
                    at(yml, "management.endpoint.health.probes.enabled").orElse("false")));
            Set<String> exposed = Set.of(String.valueOf(at(yml, "management.endpoints.web.exposure.include")
                    .orElse("health")).split("\\s*,\\s*"));
            boolean graceful = "graceful".equals(String.valueOf(at(yml, "server.shutdown").orElse("immediate")));
            Duration phase = DurationStyle.detectAndParse(String.valueOf(
                    at(yml, "spring.lifecycle.timeout-per-shutdown-phase").orElse("30s")));
            Optional<Integer> user = Files.readAllLines(Path.of("Dockerfile")).stream()
                    .map(String::trim).filter(line -> line.startsWith("USER "))
                    .reduce((first, last) -> last)
                    .map(line -> Integer.parseInt(line.substring(5).trim().split(":")[0]));
            return new ApplicationConfig(port, basePath, groups, probes, exposed, graceful, phase, user);
        }

        private static Optional<Object> at(Map<String, Object> yml, String dottedPath) {
            Object current = yml;
            for (String part : dottedPath.split("\\.")) {
                if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                    return Optional.empty();
                }
                current = map.get(part);
            }
            return Optional.ofNullable(current);
        }
    }

    // --- the checks ---

    private record Manifests(String overlay, List<HasMetadata> resources) {

        Set<String> kinds() {
            Set<String> kinds = new java.util.TreeSet<>();
            resources.forEach(resource -> kinds.add(resource.getKind()));
            return kinds;
        }

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return resources.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
            return all(type).stream().filter(resource -> name.equals(resource.getMetadata().getName())).findFirst();
        }

        Deployment api() {
            return named(Deployment.class, "terp-api").orElseThrow(() -> new AssertionError("no Deployment terp-api"));
        }

        /** Pod specs with where they come from: Deployments and CronJobs. */
        Map<String, PodSpec> podSpecs() {
            Map<String, PodSpec> specs = new LinkedHashMap<>();
            all(Deployment.class).forEach(d -> specs.put("Deployment/" + d.getMetadata().getName(),
                    d.getSpec().getTemplate().getSpec()));
            all(CronJob.class).forEach(c -> specs.put("CronJob/" + c.getMetadata().getName(),
                    c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()));
            return specs;
        }

        void checkRequiredFields(List<String> problems) {
            for (HasMetadata resource : resources) {
                String where = resource.getKind() + "/" + resource.getMetadata().getName();
                require(problems, resource.getMetadata().getName(), where + " metadata.name");
                if (!(resource instanceof Namespace)) {
                    require(problems, resource.getMetadata().getNamespace(), where + " metadata.namespace (overlay)");
                }
            }
            podSpecs().forEach((where, pod) -> {
                if (pod.getContainers() == null || pod.getContainers().isEmpty()) {
                    problems.add(where + ": no containers");
                    return;
                }
                for (Container container : pod.getContainers()) {
                    require(problems, container.getName(), where + " container name");
                    require(problems, container.getImage(), where + " container image");
                    if (container.getResources() == null || container.getResources().getRequests() == null
                            || !container.getResources().getRequests().keySet().containsAll(Set.of("cpu", "memory"))
                            || container.getResources().getLimits() == null
                            || !container.getResources().getLimits().containsKey("memory")) {
                        problems.add(where + "/" + container.getName() + ": needs cpu+memory requests and a memory limit");
                    }
                }
            });
            for (Deployment deployment : all(Deployment.class)) {
                Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
                Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
                if (selector == null || selector.isEmpty() || labels == null
                        || !labels.entrySet().containsAll(selector.entrySet())) {
                    problems.add("Deployment/" + deployment.getMetadata().getName()
                            + ": selector does not match the pod labels");
                }
            }
            for (CronJob cronJob : all(CronJob.class)) {
                require(problems, cronJob.getSpec().getSchedule(), "CronJob/" + cronJob.getMetadata().getName()
                        + " schedule");
            }
            for (HorizontalPodAutoscaler hpa : all(HorizontalPodAutoscaler.class)) {
                Integer min = hpa.getSpec().getMinReplicas();
                if (min == null || min < 1 || min > hpa.getSpec().getMaxReplicas()) {
                    problems.add("HPA/" + hpa.getMetadata().getName() + ": needs 1 <= minReplicas <= maxReplicas");
                }
            }
        }

        void checkReferences(List<String> problems, Map<String, Set<String>> secretKeys) {
            podSpecs().forEach((where, pod) -> {
                for (Container container : pod.getContainers()) {
                    for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                        if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                            var ref = env.getValueFrom().getSecretKeyRef();
                            if (!secretKeys.getOrDefault(ref.getName(), Set.of()).contains(ref.getKey())) {
                                problems.add(where + ": " + env.getName() + " reads secret " + ref.getName() + "/"
                                        + ref.getKey() + ", which k8s/secret-template/secrets.yaml does not define");
                            }
                        }
                    }
                    for (EnvFromSource from : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                        if (from.getConfigMapRef() != null
                                && named(ConfigMap.class, from.getConfigMapRef().getName()).isEmpty()) {
                            problems.add(where + ": envFrom names a missing ConfigMap "
                                    + from.getConfigMapRef().getName());
                        }
                    }
                }
                for (Volume volume : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
                    if (volume.getPersistentVolumeClaim() != null && named(PersistentVolumeClaim.class,
                            volume.getPersistentVolumeClaim().getClaimName()).isEmpty()) {
                        problems.add(where + ": volume " + volume.getName() + " names a missing claim");
                    }
                }
            });
            for (Service service : all(Service.class)) {
                Optional<Deployment> target = all(Deployment.class).stream()
                        .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                                .containsAll(service.getSpec().getSelector().entrySet()))
                        .findFirst();
                if (target.isEmpty()) {
                    problems.add("Service/" + service.getMetadata().getName() + " selects no Deployment");
                    continue;
                }
                service.getSpec().getPorts().forEach(port -> {
                    if (containerPort(target.get(), port.getTargetPort()).isEmpty()) {
                        problems.add("Service/" + service.getMetadata().getName() + " targets port "
                                + port.getTargetPort() + ", which its pods do not declare");
                    }
                });
            }
            for (Ingress ingress : all(Ingress.class)) {
                for (IngressRule rule : ingress.getSpec().getRules()) {
                    require(problems, rule.getHost(), "Ingress host");
                    for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                        var backend = path.getBackend().getService();
                        Optional<Service> service = named(Service.class, backend.getName());
                        if (service.isEmpty() || service.get().getSpec().getPorts().stream()
                                .noneMatch(p -> Objects.equals(p.getName(), backend.getPort().getName())
                                        || Objects.equals(p.getPort(), backend.getPort().getNumber()))) {
                            problems.add("Ingress path " + path.getPath() + " routes to a missing service port");
                        }
                    }
                }
            }
            for (HorizontalPodAutoscaler hpa : all(HorizontalPodAutoscaler.class)) {
                var target = hpa.getSpec().getScaleTargetRef();
                if (!"Deployment".equals(target.getKind())
                        || named(Deployment.class, target.getName()).isEmpty()) {
                    problems.add("HPA/" + hpa.getMetadata().getName() + " scales a missing " + target.getKind());
                }
            }
            for (PodDisruptionBudget pdb : all(PodDisruptionBudget.class)) {
                Map<String, String> selector = pdb.getSpec().getSelector().getMatchLabels();
                Optional<Deployment> target = all(Deployment.class).stream()
                        .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                                .containsAll(selector.entrySet()))
                        .findFirst();
                if (target.isEmpty()) {
                    problems.add("PDB/" + pdb.getMetadata().getName() + " selects no Deployment");
                    continue;
                }
                int minAvailable = pdb.getSpec().getMinAvailable().getIntVal();
                int minReplicas = all(HorizontalPodAutoscaler.class).stream()
                        .filter(h -> h.getSpec().getScaleTargetRef().getName()
                                .equals(target.get().getMetadata().getName()))
                        .map(h -> h.getSpec().getMinReplicas()).findFirst()
                        .orElse(target.get().getSpec().getReplicas());
                if (minAvailable >= minReplicas && minReplicas > 0 && minAvailable > 0) {
                    problems.add("PDB/" + pdb.getMetadata().getName() + ": minAvailable " + minAvailable
                            + " >= minReplicas " + minReplicas + " would block every node drain");
                }
            }
            for (ServiceMonitor monitor : all(ServiceMonitor.class)) {
                Optional<Service> service = all(Service.class).stream()
                        .filter(s -> s.getMetadata().getLabels() != null && s.getMetadata().getLabels().entrySet()
                                .containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet()))
                        .findFirst();
                if (service.isEmpty()) {
                    problems.add("ServiceMonitor/" + monitor.getMetadata().getName() + " selects no Service");
                    continue;
                }
                monitor.getSpec().getEndpoints().forEach(endpoint -> {
                    if (service.get().getSpec().getPorts().stream()
                            .noneMatch(p -> Objects.equals(p.getName(), endpoint.getPort()))) {
                        problems.add("ServiceMonitor endpoint port " + endpoint.getPort() + " is not a Service port");
                    }
                });
            }
        }

        void checkHardening(List<String> problems) {
            podSpecs().forEach((where, pod) -> {
                var podSecurity = pod.getSecurityContext();
                if (podSecurity == null || !Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())
                        || podSecurity.getRunAsUser() == null || podSecurity.getRunAsUser() == 0) {
                    problems.add(where + ": pod must run as a non-root user (runAsNonRoot, runAsUser)");
                }
                if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                    problems.add(where + ": automountServiceAccountToken must be false");
                }
                for (Container container : pod.getContainers()) {
                    var security = container.getSecurityContext();
                    String name = where + "/" + container.getName();
                    if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                        problems.add(name + ": root file system must be read-only");
                    }
                    if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                        problems.add(name + ": allowPrivilegeEscalation must be false");
                    }
                    if (security == null || security.getCapabilities() == null
                            || !security.getCapabilities().getDrop().contains("ALL")) {
                        problems.add(name + ": must drop ALL capabilities");
                    }
                    String image = container.getImage();
                    if (image.endsWith(":latest") || !image.contains(":")) {
                        problems.add(name + ": image " + image + " needs a pinned tag");
                    }
                }
            });
        }

        void checkAgainstApplication(List<String> problems, ApplicationConfig app) {
            Deployment deployment = api();
            Container api = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            if (!api.getImage().matches("(.+/)?" + APP_IMAGE + ":[^:/]+")) {
                problems.add("the API container runs " + api.getImage() + ", not the " + APP_IMAGE + " image");
            }
            all(CronJob.class).forEach(cronJob -> cronJob.getSpec().getJobTemplate().getSpec().getTemplate()
                    .getSpec().getContainers().forEach(container -> {
                        if (!container.getImage().equals(api.getImage())) {
                            problems.add("CronJob/" + cronJob.getMetadata().getName() + " runs " + container.getImage()
                                    + ": the scripts ship in the application image " + api.getImage());
                        }
                    }));
            if (api.getPorts().stream().noneMatch(p -> p.getContainerPort() == app.serverPort())) {
                problems.add("the API container does not expose server.port " + app.serverPort());
            }
            if (!app.probesEnabled()) {
                problems.add("application.yml: management.endpoint.health.probes.enabled is not true");
            }
            checkProbe(problems, "startupProbe", api.getStartupProbe(), deployment, app, "liveness");
            checkProbe(problems, "livenessProbe", api.getLivenessProbe(), deployment, app, "liveness");
            checkProbe(problems, "readinessProbe", api.getReadinessProbe(), deployment, app, "readiness");
            if (!app.exposedEndpoints().contains("prometheus")) {
                problems.add("application.yml does not expose the prometheus endpoint the ServiceMonitor scrapes");
            }
            all(ServiceMonitor.class).forEach(monitor -> monitor.getSpec().getEndpoints().forEach(endpoint -> {
                if (!(app.actuatorBasePath() + "/prometheus").equals(endpoint.getPath())) {
                    problems.add("ServiceMonitor scrapes " + endpoint.getPath() + ", the application serves "
                            + app.actuatorBasePath() + "/prometheus");
                }
            }));

            if (!app.gracefulShutdown()) {
                problems.add("application.yml: server.shutdown is not graceful");
            }
            var preStop = api.getLifecycle() == null ? null : api.getLifecycle().getPreStop();
            if (preStop == null || preStop.getSleep() == null) {
                problems.add("the API container needs a preStop sleep (endpoints propagate before the JVM stops)");
                return;
            }
            long needed = preStop.getSleep().getSeconds() + app.shutdownPhase().toSeconds() + PRESTOP_MARGIN_SECONDS;
            Long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            if (grace == null || grace < needed) {
                problems.add("terminationGracePeriodSeconds " + grace + " < preStop " + preStop.getSleep().getSeconds()
                        + " s + spring.lifecycle.timeout-per-shutdown-phase " + app.shutdownPhase().toSeconds()
                        + " s + " + PRESTOP_MARGIN_SECONDS + " s");
            }
            app.imageUser().ifPresentOrElse(user -> podSpecs().forEach((where, pod) -> {
                if (pod.getContainers().stream().anyMatch(c -> c.getImage().equals(api.getImage()))
                        && !user.equals(pod.getSecurityContext().getRunAsUser().intValue())) {
                    problems.add(where + " runs as " + pod.getSecurityContext().getRunAsUser()
                            + ", the Dockerfile's USER is " + user);
                }
            }), () -> problems.add("the Dockerfile declares no numeric USER"));
        }

        private void checkProbe(List<String> problems, String name, Probe probe, Deployment deployment,
                                ApplicationConfig app, String group) {
            if (probe == null || probe.getHttpGet() == null) {
                problems.add("the API container has no HTTP " + name);
                return;
            }
            HTTPGetAction get = probe.getHttpGet();
            String expected = app.actuatorBasePath() + "/health/" + group;
            if (!expected.equals(get.getPath())) {
                problems.add(name + " path " + get.getPath() + " is not " + expected);
            }
            if (!app.healthGroups().contains(group)) {
                problems.add(name + ": application.yml defines no health group " + group);
            }
            Optional<ContainerPort> port = containerPort(deployment, get.getPort());
            if (port.isEmpty() || port.get().getContainerPort() != app.serverPort()) {
                problems.add(name + " port " + get.getPort() + " is not server.port " + app.serverPort());
            }
        }

        private static Optional<ContainerPort> containerPort(Deployment deployment, IntOrString port) {
            return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                    .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
                    .filter(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName())
                            : Objects.equals(port.getIntVal(), p.getContainerPort()))
                    .findFirst();
        }

        private static void require(List<String> problems, String value, String what) {
            if (value == null || value.isBlank()) {
                problems.add("missing " + what);
            }
        }
    }
}
