package com.techzone.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the scan nodes out of {@code EXPLAIN (FORMAT JSON)} output: "Index Scan using
 * idx_products_category_active on products", "Seq Scan on orders". A scan node's own fields come
 * before its children in that format, so each node's text runs from its "Node Type" to the next one.
 */
final class PlanSummary {

    private static final Pattern NODE_TYPE = Pattern.compile("\"Node Type\":\\s*\"([^\"]+)\"");
    private static final Pattern INDEX = Pattern.compile("\"Index Name\":\\s*\"([^\"]+)\"");
    private static final Pattern RELATION = Pattern.compile("\"Relation Name\":\\s*\"([^\"]+)\"");

    private PlanSummary() {
    }

    /** The scan nodes, outermost first, joined by " + "; "(no scan)" if there is none. */
    static String scans(String explainJson) {
        List<String> scans = new ArrayList<>();
        Matcher m = NODE_TYPE.matcher(explainJson);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
        }
        for (int i = 0; i < starts.size(); i++) {
            String node = explainJson.substring(starts.get(i)[0], i + 1 < starts.size() ? starts.get(i + 1)[0] : explainJson.length());
            Matcher type = NODE_TYPE.matcher(node);
            type.find();
            if (!type.group(1).contains("Scan")) {
                continue;
            }
            StringBuilder scan = new StringBuilder(type.group(1));
            Matcher index = INDEX.matcher(node);
            if (index.find()) {
                scan.append(" using ").append(index.group(1));
            }
            Matcher relation = RELATION.matcher(node);
            if (relation.find()) {
                scan.append(" on ").append(relation.group(1));
            }
            scans.add(scan.toString());
        }
        return scans.isEmpty() ? "(no scan)" : String.join(" + ", scans);
    }
}
