package com.smbhub.web.shell;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;

/** Page-wide settings. */
@Meta(name = "robots", content = "noindex, nofollow")
public class AppShell implements AppShellConfigurator {
}
