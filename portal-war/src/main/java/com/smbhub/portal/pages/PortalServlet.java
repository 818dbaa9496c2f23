package com.smbhub.portal.pages;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Client portal pages on token links. Until documents land (issue 4) every link answers the same
 * friendly "not valid" page with 404, giving no hint of whether a document exists.
 */
@WebServlet("/portal/*")
public class PortalServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PortalPage.send(response, 404, "This link is not valid",
                "The link may have expired or been replaced. Ask the business to send you a new one.");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
