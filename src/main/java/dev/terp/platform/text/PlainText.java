package dev.terp.platform.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Plain-text fields keep what the user typed minus HTML (api-conventions §6): tags and script/style content are
 * dropped, text is kept as text, so {@code THC < 20%} survives and {@code <script>} never does. Entities are
 * decoded and the result stripped again until nothing changes, so {@code &lt;script&gt;} cannot smuggle a tag in.
 */
public final class PlainText {

    private static final int MAX_PASSES = 5;

    private PlainText() {
    }

    public static String strip(String input) {
        if (input == null || input.indexOf('<') < 0 && input.indexOf('&') < 0) {
            return input;
        }
        String current = input;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            String next = textOf(Jsoup.parseBodyFragment(current).body());
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        // Still changing after several passes: nested encodings. Drop every angle bracket to be certain.
        return current.replace("<", "").replace(">", "");
    }

    private static String textOf(Element body) {
        StringBuilder text = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText());
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    text.append('\n');
                }
            }
        });
        return text.toString();
    }
}
