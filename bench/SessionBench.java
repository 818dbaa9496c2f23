import java.io.File;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Heap per idle signed-in back-office session: the server's heap after a full GC, then N sign-ins in
 * headless Chromium (each a new session that lands on Home and is left open, its page left without telling the
 * server), then the heap after a full GC again. Prints KB per session next to the heap before. See
 * docs/performance.md.
 *
 * java -cp <selenium classpath> bench/SessionBench.java <base url> <payara pid> <email> <password> [sessions]
 */
public class SessionBench {

    /**
     * Selenium warns at every start that it has no DevTools bindings for this Chromium; none are used. Held here: a
     * logger nobody holds is collected with its level.
     */
    static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    public static void main(String[] args) throws Exception {
        SELENIUM.setLevel(Level.SEVERE);
        String base = args[0];
        String pid = args[1];
        int sessions = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            signIn(driver, base, args[2], args[3]); // warm up: classes loaded, caches filled
            leave(driver);
            long before = heapAfterGc(pid);
            long started = System.nanoTime();
            for (int i = 0; i < sessions; i++) {
                signIn(driver, base, args[2], args[3]);
                leave(driver);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long after = heapAfterGc(pid);
            System.out.printf("%nSession bench: %d signed-in sessions on Home, idle (%.1f s to sign them in)%n", sessions, seconds);
            System.out.printf("  heap after GC: before %,d KB (the server without them)   after %,d KB%n", before / 1024, after / 1024);
            System.out.printf("  per idle session: %,.0f KB (target <= 300 KB)%n", (after - before) / 1024.0 / sessions);
        } finally {
            driver.quit();
        }
    }

    /** A new session: the sign-in page, then Home. */
    static void signIn(ChromeDriver driver, String base, String email, String password) {
        driver.get(base + "/app/login");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#email input"))).sendKeys(email);
        driver.findElement(By.cssSelector("#password input")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return !!window.Vaadin && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())")));
    }

    /**
     * Leaves the page as a closed laptop does: the server is not told (Vaadin's unload beacon is not sent), so the
     * session keeps its UI until its heartbeats stop being missed.
     */
    static void leave(ChromeDriver driver) {
        driver.executeScript("navigator.sendBeacon = () => true");
        driver.manage().deleteAllCookies(); // of the app's site: the next sign-in is a new session
        driver.get("about:blank");
    }

    /** Used heap in bytes after a full collection (jcmd GC.run, then GC.heap_info). */
    static long heapAfterGc(String pid) throws Exception {
        run("jcmd", pid, "GC.run");
        Thread.sleep(500);
        run("jcmd", pid, "GC.run");
        String info = run("jcmd", pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
        return out;
    }
}
