package org.stockroom.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.stockroom.accounts.Account;

/** Gives every page {@code signedIn}: the account signed in (null on the sign-in page), for the header and its sign-out button. */
@ControllerAdvice(annotations = Controller.class)
class SignedInModel {

    @ModelAttribute("signedIn")
    Account signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Account account ? account : null;
    }
}
