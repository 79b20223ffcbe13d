package dev.terp.platform.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a Prometheus text exposition ({@code /actuator/prometheus}), with the checks the observability
 * tests make on them: values of a family, and tags that would grow without bound.
 */
final class ExportedMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Tags whose values are numbers by nature and bounded: bucket bounds, HTTP status, the Redis server's port. */
    private static final Set<String> NUMERIC_TAGS = Set.of("le", "quantile", "status", "net_sock_peer_port");
    private static final Pattern ID_LIKE = Pattern.compile(
            "\\d+|.*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-.*|.*[0-9a-f]{16,}.*|.*\\b[A-Z]{2,5}-\\d{3,}.*|.*@.*");
    private static final Pattern RAW_PATH_SEGMENT = Pattern.compile(".*/(\\d+|[0-9a-fA-F-]{16,})(/.*|$)");
    /** More values than this for one tag of one metric means the tag is not a fixed vocabulary. */
    static final int MAX_VALUES_PER_TAG = 60;

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private ExportedMetrics(List<Sample> samples) {
        this.samples = samples;
    }

    static ExportedMetrics parse(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("Not a sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        return new ExportedMetrics(samples);
    }

    Set<String> sampleNames() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /** Sum of the samples of {@code name} whose labels include every one of {@code labels}. */
    double sum(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    boolean has(String name, Map<String, String> labels) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name)
                && sample.labels().entrySet().containsAll(labels.entrySet()));
    }

    /**
     * Every tag value that looks like an id, a raw path, an email or a code, and every tag of a metric that has
     * taken more values than a fixed vocabulary would: each entry says which metric, tag and value.
     */
    List<String> unboundedTags() {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> valuesPerTag = new TreeMap<>();
        for (Sample sample : samples) {
            sample.labels().forEach((tag, value) -> {
                if (tag.equals("le") || tag.equals("quantile")) {
                    return;
                }
                valuesPerTag.computeIfAbsent(sample.name() + "{" + tag + "}", key -> new TreeSet<>()).add(value);
                if (tag.equals("uri") && RAW_PATH_SEGMENT.matcher(value).matches()) {
                    problems.add(sample.name() + " uri=" + value + " is a raw path, not a route template");
                }
                else if (!NUMERIC_TAGS.contains(tag) && ID_LIKE.matcher(value).matches()) {
                    problems.add(sample.name() + " " + tag + "=" + value + " looks like an id");
                }
            });
        }
        valuesPerTag.forEach((tag, values) -> {
            if (values.size() > MAX_VALUES_PER_TAG) {
                problems.add(tag + " has " + values.size() + " values");
            }
        });
        return problems;
    }
}
