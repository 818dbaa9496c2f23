package com.smbhub.web.shell;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.shared.Registration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Work running off the request thread (a {@link Future} from {@code Background}) while the screen shows progress:
 * the page polls until it is done, then hands the answer, or the service's refusal, to the screen.
 */
public final class Waiting {

    private static final int POLL_MS = 400;

    /** How many waits this UI has and the poll interval it had before the first. */
    private static final class Waits {
        int count;
        int before;
    }

    private Waiting() {
    }

    /** Calls {@code done} or {@code failed} in the UI once {@code result} is done; remove the registration to stop waiting. */
    public static <T> Registration until(UI ui, Future<T> result, Consumer<T> done, Consumer<Throwable> failed) {
        Waits waits = ComponentUtil.getData(ui, Waits.class);
        if (waits == null || waits.count == 0) {
            waits = new Waits();
            waits.before = ui.getPollInterval();
            ComponentUtil.setData(ui, Waits.class, waits);
        }
        waits.count++;
        ui.setPollInterval(POLL_MS);
        Registration[] poll = new Registration[1];
        boolean[] ended = new boolean[1];
        Registration stop = () -> {
            if (!ended[0]) {
                ended[0] = true;
                poll[0].remove();
                Waits w = ComponentUtil.getData(ui, Waits.class);
                if (w != null && --w.count == 0) {
                    ui.setPollInterval(w.before);
                }
            }
        };
        // allowInert: a modal dialog (the wait's own, or the one it was started from) must not stop the polls
        poll[0] = ComponentUtil.addListener(ui, PollEvent.class, e -> {
            if (!result.isDone()) {
                return;
            }
            stop.remove();
            T value;
            try {
                value = result.get();
            } catch (ExecutionException ex) {
                failed.accept(ex.getCause() == null ? ex : ex.getCause());
                return;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                failed.accept(ex);
                return;
            }
            done.accept(value);
        }, DomListenerRegistration::allowInert);
        return stop;
    }

    /** The same behind a small dialog with {@code text} and a progress bar; Cancel closes it and drops the answer. */
    public static <T> void inDialog(String id, String text, Future<T> result, Consumer<T> done) {
        UI ui = UI.getCurrent();
        Dialog dialog = new Dialog();
        dialog.setId(id);
        dialog.setCloseOnOutsideClick(false);
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        dialog.add(new Paragraph(text), bar);
        dialog.setWidth("min(24rem, 100vw)");
        Registration wait = until(ui, result, value -> {
            dialog.close();
            done.accept(value);
        }, problem -> {
            dialog.close();
            Toasts.problem(Problems.say(problem));
        });
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dialog.getFooter().add(cancel);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                wait.remove();
            }
        });
        dialog.open();
    }
}
