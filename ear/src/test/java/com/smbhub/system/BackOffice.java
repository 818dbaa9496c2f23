package com.smbhub.system;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.InvalidElementStateException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object for the back office in headless Chromium (Debian's chromium + chromedriver). */
final class BackOffice implements AutoCloseable {

    static {
        // Selenium warns at every start that it has no DevTools bindings for this Chromium; we use none
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    }

    final WebDriver driver;
    private final FluentWait<WebDriver> wait;

    BackOffice(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=" + Math.max(width, 800) + "," + height);
        if (width < 800) {
            // a window is never narrower than 500 px, a phone's screen is: emulate the phone's screen
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", width, "height", height,
                    "pixelRatio", 1.0, "touch", false)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        wait = await(driver, 30);
    }

    BackOffice() {
        this(1280, 900);
    }

    /** A wait that looks again when Vaadin re-rendered the element it was reading (stale reference). */
    static FluentWait<WebDriver> await(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds))
                .ignoring(StaleElementReferenceException.class);
    }

    BackOffice open(String path) {
        driver.get(SystemUnderTest.BASE + "/app/" + path);
        return this;
    }

    BackOffice signIn(String email, String password) {
        open("login");
        type("email", email);
        type("password", password);
        click("sign-in");
        return this;
    }

    /** The sign-in page refused: waits for its message. */
    void waitForSignInError(String text) {
        waitForText("login-error", text);
    }

    void type(String id, String text) {
        By field = By.cssSelector("#" + id + " input, #" + id + " textarea");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                wait.until(ExpectedConditions.presenceOfElementLocated(field)));
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks the element, looking it up again while Vaadin re-renders it or a dialog is still opening. */
    void click(String id) {
        wait.until(d -> {
            try {
                WebElement element = d.findElement(By.id(id));
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                if (!element.isDisplayed() || !element.isEnabled()) {
                    return false;
                }
                element.click();
                return true;
            } catch (NoSuchElementException | StaleElementReferenceException | InvalidElementStateException e) {
                // not there yet, re-rendered, or not yet clickable (a not-interactable element is one of these)
                return false;
            }
        });
    }

    /** Types into a combo box until the wanted item is offered (the lazy list may answer an older filter first), then picks it. */
    void pick(String id, String text) {
        for (int attempt = 1; ; attempt++) {
            type(id, text);
            try {
                await(driver, 6).until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item"))
                        .stream().anyMatch(i -> i.getText().contains(text)));
                break;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    screenshot("failed-combo-" + id);
                    throw e;
                }
            }
        }
        driver.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(i -> i.getText().contains(text)).findFirst().orElseThrow().click();
    }

    /** Picks the item with this text in the open select's list. */
    void choose(String text) {
        // a select shows its value as a copy of the chosen item (id "value-…"): never that one; and the list of a select
        // just closed may still be in the page with no size: only a shown item is clicked, until the click takes
        await(driver, 20).ignoring(ElementNotInteractableException.class).until(d -> {
            d.findElements(By.cssSelector("vaadin-select-item:not([id^='value-'])")).stream()
                    .filter(i -> i.getText().equals(text) && i.isDisplayed() && i.getSize().getHeight() > 0)
                    .findFirst().orElseThrow(() -> new ElementNotInteractableException(text + " not shown yet")).click();
            return true;
        });
    }

    String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    /** Confirms the open confirmation dialog (waits until it has opened). */
    void confirm() {
        await(driver, 15).until(d -> !d.findElements(By.cssSelector("vaadin-confirm-dialog-overlay")).isEmpty());
        driver.findElement(By.cssSelector("vaadin-confirm-dialog-overlay [slot='confirm-button']")).click();
    }

    /** Waits for a notification (a toast) saying this. */
    void waitForToast(String text) {
        await(driver, 20).until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(c -> c.getText().contains(text)));
    }

    void waitForPath(String path) {
        wait.until(d -> d.getCurrentUrl().replaceFirst("\\?.*", "").endsWith("/app/" + path));
    }

    /**
     * Clicks the row with this text until {@code opened} holds: a lazy grid may re-render (a search
     * arriving late) and swallow a click.
     */
    void openRow(String gridId, String text, Function<WebDriver, Boolean> opened) {
        wait.ignoring(StaleElementReferenceException.class)
                .ignoring(ElementNotInteractableException.class).until(d -> {
            d.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                    .filter(c -> List.of(c.getText().split("\n")).contains(text) && c.isDisplayed()) // a cell, or a line of a card
                    .findFirst().ifPresent(WebElement::click);
            try {
                return new WebDriverWait(d, Duration.ofSeconds(2)).until(opened::apply);
            } catch (TimeoutException e) {
                return false;
            }
        });
    }

    /** Selects the tab with this label (Vaadin TabSheet / Tabs). */
    void tab(String label) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElements(By.cssSelector("vaadin-tab")).stream().filter(t -> t.getText().trim().startsWith(label))
                    .findFirst().ifPresent(WebElement::click);
            return d.findElements(By.cssSelector("vaadin-tab[selected]")).stream()
                    .anyMatch(t -> t.getText().trim().startsWith(label));
        });
    }

    /** Gives a file to the upload component with this id, as a user choosing it would. */
    void upload(String id, Path file) {
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /**
     * What a phone would cut off on this screen: the page scrolling sideways, and every shown button,
     * field, heading, link or list reaching past the window's left or right edge (the closed menu drawer
     * aside). Empty when everything fits.
     */
    @SuppressWarnings("unchecked")
    List<String> cutOff() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const width = window.innerWidth, out = [];
                const page = document.documentElement.scrollWidth;
                if (page > width) out.push('the page scrolls sideways (' + page + ' > ' + width + ')');
                const shown = 'vaadin-button, vaadin-text-field, vaadin-text-area, vaadin-email-field, vaadin-combo-box, '
                    + 'vaadin-select, vaadin-date-picker, vaadin-big-decimal-field, vaadin-checkbox, vaadin-grid, '
                    + 'vaadin-upload, h1, h2, h3, h4, a, span.card-title, span.card-amount';
                for (const e of document.querySelectorAll(shown)) {
                    if (e.closest('[slot="drawer"]')) continue;
                    const r = e.getBoundingClientRect();
                    if (r.width === 0 || r.height === 0) continue;
                    if (r.left < -1 || r.right > width + 1) {
                        out.push(e.localName + (e.id ? '#' + e.id : '') + ' "' + (e.innerText || '').trim().slice(0, 30)
                            + '" ' + Math.round(r.left) + '..' + Math.round(r.right));
                    }
                }
                return out;""");
    }

    /** Saves a screenshot under target/screenshots for the docs and for failures. */
    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            // a missing screenshot must not hide the real assertion
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
