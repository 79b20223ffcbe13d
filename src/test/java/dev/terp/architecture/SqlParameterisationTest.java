package dev.terp.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "All SQL is parameterised; user text never becomes SQL" (api-conventions §6), checked on the source: the SQL text
 * given to every {@code .sql(...)} (and R2DBC {@code createStatement(...)}) call in main code may only be built from
 * <ul>
 * <li>string literals (text blocks included);</li>
 * <li>UPPER_CASE constants (when declared in the same file, their initialiser must obey these rules too);</li>
 * <li>ternaries, parenthesised or not, whose branches obey these rules (the condition only chooses between fixed
 * texts, so it may be anything);</li>
 * <li>the validated-identifier calls of {@link #VALIDATED_IDENTIFIERS};</li>
 * <li>a local {@code String} variable, or a parameter of a private method, when every assignment to it, or every
 * call of the method in the file, obeys these rules.</li>
 * </ul>
 * Anything else concatenated into the SQL (a request value, {@code String.format}, a method call) fails the test.
 */
class SqlParameterisationTest {

    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    /**
     * The only calls whose result may be concatenated into SQL, because identifiers (tables, lock clauses) cannot be
     * bound as parameters. Each is accepted only where the receiver is declared with the stated type in the same
     * file, so an unrelated {@code table.name()} does not slip through. Keep this list short:
     * <ul>
     * <li>{@code LockMode.WAIT.clause()} and friends, {@code mode.clause()} for a {@code LockMode mode}: an enum of
     * three fixed clauses (" FOR UPDATE", " FOR UPDATE NOWAIT", " FOR UPDATE SKIP LOCKED");</li>
     * <li>{@code table.name()} for a {@code LockableTable table}: its constructor refuses anything but
     * {@code [a-z][a-z0-9_]{0,63}};</li>
     * <li>{@code series.allocationTable()} for a {@code DocumentSeries series}: {@code "seq_"} plus the prefix, which
     * the constructor restricts to {@code [A-Z][A-Z0-9]{0,15}};</li>
     * <li>{@code columns.where()} for a {@code KeyColumns columns}: {@code a = :a AND ...} over column names its
     * constructor restricts to {@code [a-z][a-z0-9_]{0,63}} (values are bound).</li>
     * </ul>
     */
    static final List<ValidatedIdentifier> VALIDATED_IDENTIFIERS = List.of(
            new ValidatedIdentifier(Pattern.compile("LockMode\\.[A-Z_]+\\.clause\\(\\)"), null),
            new ValidatedIdentifier(Pattern.compile("mode\\.clause\\(\\)"), Pattern.compile("\\bLockMode\\s+mode\\b")),
            new ValidatedIdentifier(Pattern.compile("table\\.name\\(\\)"),
                    Pattern.compile("\\bLockableTable\\s+table\\b")),
            new ValidatedIdentifier(Pattern.compile("series\\.allocationTable\\(\\)"),
                    Pattern.compile("\\bDocumentSeries\\s+series\\b")),
            new ValidatedIdentifier(Pattern.compile("columns\\.where\\(\\)"),
                    Pattern.compile("\\bKeyColumns\\s+columns\\b")));

    @Test
    void mainCodeBuildsSqlOnlyFromFixedText() {
        SqlScanner.Result result = SqlScanner.scanTree(MAIN_SOURCES);

        assertThat(result.violations())
                .as("SQL built from something other than literals, constants and validated identifiers")
                .isEmpty();
        // The scan must really have looked: dozens of repositories' statements, including the ones that go through
        // a local variable (RowLocks) and validated identifiers (DocumentNumbers, SimpleTable's lock reads).
        assertThat(result.calls()).isGreaterThan(50);
        assertThat(result.callsPerFile()).containsKeys(
                Path.of("dev/terp/platform/persistence/RowLocks.java").toString(),
                Path.of("dev/terp/platform/sequence/DocumentNumbers.java").toString(),
                Path.of("dev/terp/platform/persistence/SimpleTable.java").toString());
    }

    @Test
    void flagsAValueConcatenatedIntoTheSql() {
        assertThat(violationsIn("""
                Mono<Vendor> byName(String name) {
                    return db.sql("SELECT * FROM t WHERE name = '" + name + "'").map(this::row).one();
                }
                """)).singleElement().satisfies(violation -> {
                    assertThat(violation.term()).isEqualTo("name");
                    assertThat(violation.line()).isEqualTo(3);
                });
    }

    @Test
    void flagsFormattingCallsAndOtherExpressions() {
        assertThat(violationsIn("""
                Mono<Long> a(String column) {
                    return db.sql(String.format("SELECT %s FROM t", column)).fetch().rowsUpdated();
                }
                Mono<Long> b(String column) {
                    return db.sql("SELECT %s FROM t".formatted(column)).fetch().rowsUpdated();
                }
                Mono<Long> c(Request request) {
                    return db.sql("SELECT * FROM t ORDER BY " + request.sort()).fetch().rowsUpdated();
                }
                Mono<Long> d(List<String> columns) {
                    return db.sql(\"""
                            SELECT id FROM t ORDER BY \""" + columns.get(0)).fetch().rowsUpdated();
                }
                """)).extracting(SqlScanner.Violation::term).containsExactly(
                        "String.format(\"SELECT %s FROM t\", column)",
                        "\"SELECT %s FROM t\".formatted(column)",
                        "request.sort()",
                        "columns.get(0)");
    }

    @Test
    void flagsAValueHiddenInATernaryBranch() {
        assertThat(violationsIn("""
                Mono<Long> list(String q, String sort) {
                    return db.sql("SELECT * FROM t WHERE 1 = 1" + (q == null ? "" : " AND name LIKE :q")
                            + (sort == null ? "" : " ORDER BY " + sort)).fetch().rowsUpdated();
                }
                """)).extracting(SqlScanner.Violation::term).containsExactly("sort");
    }

    @Test
    void flagsAVariableOrHelperParameterThatCarriesAValue() {
        assertThat(violationsIn("""
                Mono<Long> byVariable(String name) {
                    String sql = "SELECT * FROM t";
                    sql += " WHERE name = '" + name + "'";
                    return db.sql(sql).fetch().rowsUpdated();
                }
                Mono<Long> countWhere(String where) {
                    return count("SELECT COUNT(*) FROM t WHERE " + where);
                }
                private Mono<Long> count(String sql) {
                    return db.sql(sql).map(row -> row.get(0, Long.class)).one();
                }
                public Mono<Long> exposed(String sql) {
                    return db.sql(sql).fetch().rowsUpdated();
                }
                Mono<Long> field() {
                    return db.sql(statementText).fetch().rowsUpdated();
                }
                Mono<List<Long>> fakeLock(Holder table) {
                    return db.sql("SELECT id FROM " + table.name()).map(row -> 1L).all().collectList();
                }
                """)).extracting(SqlScanner.Violation::term)
                .containsExactlyInAnyOrder("name", "where", "sql", "statementText", "table.name()");
    }

    @Test
    void acceptsLiteralsConstantsTernariesValidatedIdentifiersAndSafeHelpers() {
        assertThat(violationsIn("""
                private static final String COLUMNS = "id, name";
                private static final String MATCHES = "(name LIKE :q)";
                Mono<Long> a(String q, Boolean active) {
                    return db.sql("SELECT " + COLUMNS + " FROM t WHERE id > :after"
                            + (q == null ? "" : " AND " + MATCHES)
                            + (active == null ? "" : " AND active = :active") + " ORDER BY id LIMIT :limit")
                            .bind("after", 0).fetch().rowsUpdated();
                }
                Mono<Long> b() {
                    return db.sql("SELECT " + COLUMNS + " FROM t WHERE id = :id" + LockMode.WAIT.clause())
                            .fetch().rowsUpdated();
                }
                Mono<List<Long>> c(LockableTable table, LockMode mode) {
                    String sql = "SELECT id FROM " + table.name() + " WHERE id IN (:ids) ORDER BY id" + mode.clause();
                    return db.sql(sql).map(row -> 1L).all().collectList();
                }
                Mono<Long> d(long id) {
                    return count("SELECT COUNT(*) AS n FROM t WHERE a = :id", id);
                }
                private Mono<Long> count(String sql, long id) {
                    return db.sql(sql).bind("id", id).map(row -> 1L).one();
                }
                Mono<Long> e(DocumentSeries series) {
                    // db.sql("DROP TABLE " + name) in a comment is not code
                    String text = "db.sql(\\"x\\" + name)";
                    return db.sql("INSERT INTO " + series.allocationTable() + " (allocated_at) VALUES (NOW())")
                            .fetch().rowsUpdated();
                }
                Mono<Long> f() {
                    return db.sql(\"""
                            SELECT id
                              FROM t
                            \""").fetch().rowsUpdated();
                }
                """)).isEmpty();
    }

    private static List<SqlScanner.Violation> violationsIn(String members) {
        return SqlScanner.scan("Snippet.java", "class Snippet {\n" + members + "}\n").violations();
    }

    /** A call accepted in SQL; {@code receiverDeclaration} (when not null) must occur in the same file. */
    record ValidatedIdentifier(Pattern call, Pattern receiverDeclaration) {
    }

    /** A small, purpose-built reader of Java source: enough structure to follow SQL expressions, nothing more. */
    static final class SqlScanner {

        private static final Pattern CALL = Pattern.compile("\\.(?:sql|createStatement)\\s*\\(");
        private static final Pattern STRING_LITERAL = Pattern.compile("(?s)\"\"\".*\"\"\"|\"[^\"\\n]*\"");
        private static final Pattern CONSTANT = Pattern.compile("(?:[A-Za-z_$][\\w$]*\\.)*([A-Z][A-Z0-9_]*)");
        private static final Pattern VARIABLE = Pattern.compile("[a-z_$][\\w$]*");
        private static final Set<String> NOT_METHODS = Set.of("if", "for", "while", "switch", "catch",
                "synchronized", "try", "return", "new");

        record Violation(String file, int line, String term) {

            @Override
            public String toString() {
                return file + ":" + line + ": SQL built from `" + term + "`";
            }
        }

        record Result(int calls, Map<String, Integer> callsPerFile, List<Violation> violations) {
        }

        private record Method(String name, boolean isPrivate, int paramsOpen, int paramsClose, int bodyOpen,
                int bodyClose) {
        }

        private final String file;
        private final String source;
        private final String code;
        private final List<Violation> violations = new ArrayList<>();
        private final Set<String> resolving = new HashSet<>();

        private SqlScanner(String file, String source) {
            this.file = file;
            this.source = source;
            this.code = mask(source);
        }

        static Result scanTree(Path root) {
            Map<String, Integer> callsPerFile = new TreeMap<>();
            List<Violation> violations = new ArrayList<>();
            int calls = 0;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path path : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    Result result = scan(root.relativize(path).toString(), Files.readString(path));
                    if (result.calls() > 0) {
                        callsPerFile.put(root.relativize(path).toString(), result.calls());
                    }
                    calls += result.calls();
                    violations.addAll(result.violations());
                }
            }
            catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
            return new Result(calls, callsPerFile, violations);
        }

        static Result scan(String file, String source) {
            SqlScanner scanner = new SqlScanner(file, source);
            int calls = 0;
            Matcher call = CALL.matcher(scanner.code);
            while (call.find()) {
                int open = call.end() - 1;
                int close = scanner.closing(open);
                calls++;
                scanner.checkExpression(open + 1, close);
            }
            return new Result(calls, Map.of(file, calls), List.copyOf(scanner.violations));
        }

        // ---- expressions -------------------------------------------------------------------------------------

        private void checkExpression(int start, int end) {
            int question = topLevel(start, end, '?');
            if (question >= 0) {
                int colon = matchingColon(question + 1, end);
                if (colon < 0) {
                    flag(start, end);
                    return;
                }
                checkExpression(question + 1, colon);
                checkExpression(colon + 1, end);
                return;
            }
            int termStart = start;
            for (int plus : topLevelAll(start, end, '+')) {
                checkTerm(termStart, plus);
                termStart = plus + 1;
            }
            checkTerm(termStart, end);
        }

        private void checkTerm(int start, int end) {
            while (start < end && Character.isWhitespace(code.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(code.charAt(end - 1))) {
                end--;
            }
            String term = code.substring(start, end);
            String compact = source.substring(start, end).replaceAll("\\s+", "");
            if (STRING_LITERAL.matcher(term).matches()) {
                return;
            }
            if (term.startsWith("(") && closing(start) == end - 1) {
                checkExpression(start + 1, end - 1);
                return;
            }
            Matcher constant = CONSTANT.matcher(compact);
            if (constant.matches()) {
                checkConstant(constant.group(1), compact.equals(constant.group(1)), start, end);
                return;
            }
            for (ValidatedIdentifier identifier : VALIDATED_IDENTIFIERS) {
                if (identifier.call().matcher(compact).matches()) {
                    if (identifier.receiverDeclaration() == null || identifier.receiverDeclaration().matcher(code)
                            .find()) {
                        return;
                    }
                }
            }
            if (VARIABLE.matcher(term).matches()) {
                checkVariable(term, start, end);
                return;
            }
            flag(start, end);
        }

        /** A constant declared in this file must be fixed text itself; one from elsewhere is trusted by its name. */
        private void checkConstant(String name, boolean unqualified, int start, int end) {
            if (!unqualified) {
                return;
            }
            Matcher declaration = Pattern.compile("\\bstatic\\s+final\\s+String\\s+" + name + "\\s*=").matcher(code);
            if (declaration.find() && resolving.add("constant " + name)) {
                checkExpression(declaration.end(), statementEnd(declaration.end()));
            }
        }

        /** A local variable, or a parameter of a private method whose every call in this file passes fixed text. */
        private void checkVariable(String name, int start, int end) {
            Method method = enclosingMethod(start);
            if (method == null) {
                flag(start, end);
                return;
            }
            List<int[]> parameters = split(method.paramsOpen() + 1, method.paramsClose(), ',');
            for (int index = 0; index < parameters.size(); index++) {
                int[] parameter = parameters.get(index);
                if (lastWord(code.substring(parameter[0], parameter[1])).equals(name)) {
                    checkParameter(method, index, parameters.size(), start, end);
                    return;
                }
            }
            Matcher assignment = Pattern.compile("(?<![\\w$.])" + Pattern.quote(name) + "\\s*(\\+?=)(?!=)")
                    .matcher(code).region(method.bodyOpen(), method.bodyClose());
            boolean declared = false;
            while (assignment.find()) {
                if (assignment.start() >= start) {
                    break;
                }
                String before = code.substring(method.bodyOpen(), assignment.start()).stripTrailing();
                declared |= before.matches("(?s).*\\b(?:String|var)");
                if (resolving.add("assignment " + assignment.start())) {
                    checkExpression(assignment.end(), statementEnd(assignment.end()));
                }
            }
            if (!declared) {
                flag(start, end);
            }
        }

        private void checkParameter(Method method, int index, int arity, int start, int end) {
            if (!method.isPrivate() || Pattern.compile("::\\s*" + method.name() + "\\b").matcher(code).find()) {
                flag(start, end);
                return;
            }
            if (!resolving.add("parameter " + method.name() + "#" + index)) {
                return;
            }
            Matcher call = Pattern.compile("(?<![\\w$])" + method.name() + "\\s*\\(").matcher(code);
            while (call.find()) {
                int open = call.end() - 1;
                if (open == method.paramsOpen()) {
                    continue;
                }
                List<int[]> arguments = split(open + 1, closing(open), ',');
                if (arguments.size() == arity) {
                    checkExpression(arguments.get(index)[0], arguments.get(index)[1]);
                }
            }
        }

        private void flag(int start, int end) {
            int line = 1;
            for (int i = 0; i < start; i++) {
                if (source.charAt(i) == '\n') {
                    line++;
                }
            }
            violations.add(new Violation(file, line, source.substring(start, end).strip().replaceAll("\\s+", " ")));
        }

        // ---- structure ---------------------------------------------------------------------------------------

        /** The method or constructor whose body contains {@code position}, skipping lambdas and control blocks. */
        private Method enclosingMethod(int position) {
            int depth = 0;
            for (int i = position - 1; i >= 0; i--) {
                char c = code.charAt(i);
                if (c == '}') {
                    depth++;
                }
                else if (c == '{') {
                    if (depth > 0) {
                        depth--;
                        continue;
                    }
                    Method method = methodOpenedAt(i);
                    if (method != null) {
                        return method;
                    }
                }
            }
            return null;
        }

        private Method methodOpenedAt(int brace) {
            String header = code.substring(0, brace).stripTrailing();
            header = header.replaceFirst("\\s+throws\\s+[\\w$.,\\s]+$", "");
            if (!header.endsWith(")")) {
                return null;
            }
            int paramsClose = header.length() - 1;
            int paramsOpen = opening(paramsClose);
            if (paramsOpen < 0) {
                return null;
            }
            Matcher name = Pattern.compile("([\\w$]+)\\s*$").matcher(code.substring(0, paramsOpen));
            if (!name.find() || NOT_METHODS.contains(name.group(1))) {
                return null;
            }
            String beforeName = code.substring(0, name.start(1));
            int declarationStart = Math.max(Math.max(beforeName.lastIndexOf(';'), beforeName.lastIndexOf('}')),
                    beforeName.lastIndexOf('{')) + 1;
            String modifiers = beforeName.substring(declarationStart);
            if (modifiers.strip().endsWith("new") || modifiers.strip().endsWith(".")) {
                return null;
            }
            return new Method(name.group(1), modifiers.matches("(?s).*\\bprivate\\b.*"), paramsOpen, paramsClose,
                    brace, closing(brace));
        }

        private int closing(int open) {
            int depth = 0;
            for (int i = open; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                }
                else if (c == ')' || c == ']' || c == '}') {
                    if (--depth == 0) {
                        return i;
                    }
                }
            }
            throw new IllegalStateException(file + ": unbalanced brackets after offset " + open);
        }

        private int opening(int close) {
            int depth = 0;
            for (int i = close; i >= 0; i--) {
                char c = code.charAt(i);
                if (c == ')' || c == ']' || c == '}') {
                    depth++;
                }
                else if (c == '(' || c == '[' || c == '{') {
                    if (--depth == 0) {
                        return i;
                    }
                }
            }
            return -1;
        }

        /** Where the statement that starts at {@code start} ends: the first top-level semicolon. */
        private int statementEnd(int start) {
            int depth = 0;
            for (int i = start; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                }
                else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                }
                else if (c == ';' && depth == 0) {
                    return i;
                }
            }
            return code.length();
        }

        private int topLevel(int start, int end, char wanted) {
            List<Integer> all = topLevelAll(start, end, wanted);
            return all.isEmpty() ? -1 : all.get(0);
        }

        /** Positions of {@code wanted} outside brackets; for '+' only the binary operator (not ++ or +=). */
        private List<Integer> topLevelAll(int start, int end, char wanted) {
            List<Integer> positions = new ArrayList<>();
            int depth = 0;
            for (int i = start; i < end; i++) {
                char c = code.charAt(i);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                }
                else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                }
                else if (c == wanted && depth == 0) {
                    boolean operatorPart = wanted == '+' && (i + 1 < end && (code.charAt(i + 1) == '+'
                            || code.charAt(i + 1) == '=') || i > start && code.charAt(i - 1) == '+');
                    if (!operatorPart) {
                        positions.add(i);
                    }
                }
            }
            return positions;
        }

        /** The ':' that closes the ternary whose '?' precedes {@code start}, skipping nested ternaries and '::'. */
        private int matchingColon(int start, int end) {
            int depth = 0;
            int nested = 0;
            for (int i = start; i < end; i++) {
                char c = code.charAt(i);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                }
                else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                }
                else if (depth == 0 && c == '?') {
                    nested++;
                }
                else if (depth == 0 && c == ':') {
                    boolean methodReference = i + 1 < end && code.charAt(i + 1) == ':' || code.charAt(i - 1) == ':';
                    if (methodReference) {
                        continue;
                    }
                    if (nested == 0) {
                        return i;
                    }
                    nested--;
                }
            }
            return -1;
        }

        private List<int[]> split(int start, int end, char separator) {
            List<int[]> parts = new ArrayList<>();
            if (code.substring(start, end).isBlank()) {
                return parts;
            }
            int partStart = start;
            int depth = 0;
            for (int i = start; i < end; i++) {
                char c = code.charAt(i);
                if (c == '(' || c == '[' || c == '{' || c == '<') {
                    depth++;
                }
                else if (c == ')' || c == ']' || c == '}' || c == '>' && code.charAt(i - 1) != '-') {
                    depth--;
                }
                else if (c == separator && depth == 0) {
                    parts.add(new int[] {partStart, i});
                    partStart = i + 1;
                }
            }
            parts.add(new int[] {partStart, end});
            return parts;
        }

        private static String lastWord(String text) {
            Matcher word = Pattern.compile("([\\w$]+)\\s*$").matcher(text);
            return word.find() ? word.group(1) : "";
        }

        /**
         * The source with comments blanked and the inside of string, text-block and char literals replaced by '_',
         * keeping every offset, so brackets and operators inside them are never mistaken for code.
         */
        static String mask(String source) {
            StringBuilder masked = new StringBuilder(source);
            int i = 0;
            int length = source.length();
            while (i < length) {
                char c = source.charAt(i);
                if (c == '/' && i + 1 < length && source.charAt(i + 1) == '/') {
                    while (i < length && source.charAt(i) != '\n') {
                        masked.setCharAt(i++, ' ');
                    }
                }
                else if (c == '/' && i + 1 < length && source.charAt(i + 1) == '*') {
                    int close = source.indexOf("*/", i + 2);
                    int stop = close < 0 ? length : close + 2;
                    for (; i < stop; i++) {
                        if (source.charAt(i) != '\n') {
                            masked.setCharAt(i, ' ');
                        }
                    }
                }
                else if (source.startsWith("\"\"\"", i)) {
                    i += 3;
                    while (i < length && !source.startsWith("\"\"\"", i)) {
                        if (source.charAt(i) == '\\') {
                            masked.setCharAt(i++, '_');
                        }
                        if (i < length && source.charAt(i) != '\n') {
                            masked.setCharAt(i, '_');
                        }
                        i++;
                    }
                    i += 3;
                }
                else if (c == '"' || c == '\'') {
                    i++;
                    while (i < length && source.charAt(i) != c && source.charAt(i) != '\n') {
                        if (source.charAt(i) == '\\') {
                            masked.setCharAt(i++, '_');
                        }
                        if (i < length) {
                            masked.setCharAt(i++, '_');
                        }
                    }
                    i++;
                }
                else {
                    i++;
                }
            }
            return masked.toString();
        }
    }
}
