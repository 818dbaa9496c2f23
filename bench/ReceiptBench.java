import com.fasterxml.jackson.databind.ObjectMapper;
import com.smbhub.extract.ExtractCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Receipts read the way an upload is (image → Tika + tesseract → fields), timed per receipt next to the bare
 * tesseract command on the same image in the same run, and the same fields read from the gold OCR text
 * (box/*.csv) to tell OCR misses from reading misses. Writes both prediction files for score_receipts.py.
 * Usage: java -cp ejb-core classes + deps bench/ReceiptBench.java RECEIPTS_DIR OUT_IMAGES OUT_GOLD
 */
public class ReceiptBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Path> images;
        try (Stream<Path> s = Files.list(dir.resolve("img"))) {
            images = s.filter(p -> p.toString().matches(".*\\.(jpe?g|png)$")).sorted().toList();
        }
        ObjectMapper json = new ObjectMapper();
        LocalDate today = LocalDate.now();
        long[] ours = new long[images.size()];
        long[] bare = new long[images.size()];
        try (PrintWriter out = new PrintWriter(args[1], StandardCharsets.UTF_8); PrintWriter gold = new PrintWriter(args[2],
                StandardCharsets.UTF_8)) {
            ExtractCommand.receipt(images.get(0), today); // warm-up: classes, Tika's detector
            for (int i = 0; i < images.size(); i++) {
                Path image = images.get(i);
                long start = System.nanoTime();
                out.println(json.writeValueAsString(ExtractCommand.receipt(image, today)));
                ours[i] = System.nanoTime() - start;
                start = System.nanoTime();
                Process p = new ProcessBuilder("tesseract", image.toString(), "-", "--psm", "6").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                p.waitFor();
                bare[i] = System.nanoTime() - start;
                Path box = dir.resolve("box").resolve(image.getFileName().toString().replaceAll("\\.[a-z]+$", ".csv"));
                if (Files.exists(box)) {
                    gold.println(json.writeValueAsString(ExtractCommand.receipt(box, today).put("file", image.toString())));
                }
            }
        }
        System.out.printf("time per receipt: SMB Hub p50 %.0f ms, p95 %.0f ms, max %.0f ms (target < 3000 ms); "
                + "bare tesseract p50 %.0f ms (x%.2f)%n", pct(ours, 50), pct(ours, 95), pct(ours, 100), pct(bare, 50),
                pct(ours, 50) / pct(bare, 50));
    }

    static double pct(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
