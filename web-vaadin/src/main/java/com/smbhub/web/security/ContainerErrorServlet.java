package com.smbhub.web.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Errors the container answers itself under /app (a malformed address, a refused method): our page, no server name. */
@WebServlet("/container-error")
public class ContainerErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        if (status == 501) { // a method the container does not implement at that address: not allowed here
            status = 405;
        }
        String title = status == 404 ? "Page not found" : status < 500 ? "That did not work" : "Something went wrong";
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + " · SMB Hub</title><meta name=\"viewport\" content=\"width=device-width\"></head><body style=\""
                + "font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem\"><h1>" + title + "</h1>"
                + "<p>Please go back and try again.</p><p><a href=\"/app/\">Go to Home</a></p></body></html>");
    }
}
