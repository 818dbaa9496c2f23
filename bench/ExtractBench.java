import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smbhub.extract.ExtractCommand;
import com.smbhub.extract.Extraction;
import com.smbhub.extract.ExtractionJson;
import com.smbhub.extract.Inbound;
import com.smbhub.extract.RulesExtractor;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Text-to-Task on labelled messages, in one run: the offline extractor and a baseline that only knows who wrote
 * (every message a work item for its sender). Writes both prediction files for score_messages.py and prints the
 * time per message of each (after a warm-up, each message read 20 times).
 * Usage: java -cp ejb-core classes + deps bench/ExtractBench.java MESSAGES.jsonl OUT_EXTRACTOR OUT_BASELINE
 */
public class ExtractBench {

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                records.add(json.readTree(line));
            }
        }
        RulesExtractor extractor = new RulesExtractor();
        List<Inbound> messages = records.stream().map(ExtractCommand::inbound).toList();
        for (int i = 0; i < 50; i++) {
            messages.forEach(extractor::extract);
        }
        long[] extract = new long[messages.size() * 20];
        long[] baseline = new long[messages.size() * 20];
        int n = 0;
        for (int round = 0; round < 20; round++) {
            for (JsonNode record : records) {
                long start = System.nanoTime();
                extractor.extract(ExtractCommand.inbound(record));
                extract[n] = System.nanoTime() - start;
                start = System.nanoTime();
                baseline(ExtractCommand.inbound(record));
                baseline[n++] = System.nanoTime() - start;
            }
        }
        try (PrintWriter a = new PrintWriter(args[1], StandardCharsets.UTF_8); PrintWriter b = new PrintWriter(args[2], StandardCharsets.UTF_8)) {
            for (JsonNode record : records) {
                ObjectNode got = ExtractionJson.write(extractor.extract(ExtractCommand.inbound(record)));
                got.set("id", record.get("id"));
                a.println(json.writeValueAsString(got));
                ObjectNode base = baseline(ExtractCommand.inbound(record));
                base.set("id", record.get("id"));
                b.println(json.writeValueAsString(base));
            }
        }
        System.out.printf("time per message: extractor p50 %.2f ms, p95 %.2f ms, max %.2f ms (target < 50 ms); baseline p50 %.3f ms%n",
                pct(extract, 50), pct(extract, 95), pct(extract, 100), pct(baseline, 50));
    }

    /** Knows only the sender: every message is a work item titled by its subject, for whoever sent it. */
    static ObjectNode baseline(Inbound m) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("intent", Extraction.Intent.CREATE_WORK_ITEM.name());
        ObjectNode w = o.putObject("work_item");
        w.put("type", "JOB").put("title", m.subject()).put("priority", "NORMAL");
        o.putArray("line_items");
        ObjectNode c = o.putObject("contact");
        if (m.sms()) {
            c.put("phone", m.from());
        } else {
            c.put("name", m.from().replaceAll("\\s*<.*", "")).put("email", m.from().replaceAll(".*<|>.*", ""));
        }
        return o;
    }

    static double pct(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
