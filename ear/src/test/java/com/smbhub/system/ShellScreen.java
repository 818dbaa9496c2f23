package com.smbhub.system;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Page object of the back office's frame (web/shell): the menu and the phone's bottom bar, the
 * business switcher, sign-out, the command palette, the phone's More page, and the pages for not
 * found and no access.
 */
final class ShellScreen {

    private final BackOffice app;

    ShellScreen(BackOffice app) {
        this.app = app;
    }

    String businessName() {
        return app.text("business-name");
    }

    /** The menu entry's label ({@code work}, {@code invoices}, …). */
    String menuLabel(String module) {
        return app.text("nav-" + module);
    }

    boolean inMenu(String module) {
        return !app.driver.findElements(By.id("nav-" + module)).isEmpty();
    }

    boolean bottomBarShown() {
        return app.driver.findElement(By.id("bottom-bar")).isDisplayed();
    }

    /** Taps a module in the phone's bottom bar (its route, e.g. {@code inbox}). */
    void tapBottomBar(String route) {
        app.driver.findElement(By.cssSelector("#bottom-bar a[href='" + route + "']")).click();
    }

    /** On the chooser after sign-in, or through "Switch business": opens that business. */
    void chooseBusiness(String slug) {
        app.click("business-" + slug);
    }

    void switchBusiness(String slug) {
        app.click("switch-business");
        app.screenshot("choose-business");
        chooseBusiness(slug);
    }

    void signOut() {
        app.click("logout");
        app.waitForPath("login");
    }

    void waitForTitle(String title) {
        app.waitForText("page-title", title);
    }

    /** The routes the phone's More page lists, in order. */
    List<String> moreModules() {
        return app.driver.findElements(By.cssSelector("#more-modules a")).stream()
                .map(a -> a.getAttribute("id").substring("more-".length())).toList();
    }

    void openMore(String route) {
        app.click("more-" + route);
    }

    void waitForNotFound() {
        app.waitForText("not-found", "Page not found");
    }

    void waitForNoAccess() {
        app.waitForText("no-access", "No access");
    }

    /** Ctrl+K (or the search button with {@code byButton}) and types; waits for a line with {@code expect}. */
    void search(String text, String expect, boolean byButton) {
        if (byButton) {
            app.click("open-palette");
        } else {
            new Actions(app.driver).keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
        }
        app.type("palette-input", text);
        app.waitForText("palette-results", expect);
    }

    /** Enter: opens the first line. */
    void openFirstResult() {
        app.driver.findElement(By.cssSelector("#palette-input input")).sendKeys(Keys.ENTER);
    }

    void openResult(String startingWith) {
        app.driver.findElements(By.cssSelector("#palette-results .palette-line")).stream()
                .filter(b -> b.getText().startsWith(startingWith)).findFirst().orElseThrow().click();
    }

    /** Escape closes the open dialog. */
    void escape() {
        app.driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
    }
}
