package org.stockroom.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.stockroom.accounts.Account;

/**
 * Gives every page {@code signedIn}: the account signed in (null on the sign-in page), for the
 * header and its sign-out button. Only the page controllers and the error pages get it: a
 * {@code @RestController} is a {@code @Controller} too, and the API's answers have no model.
 */
@ControllerAdvice(basePackageClasses = {SignedInModel.class, org.stockroom.http.Statuses.class})
class SignedInModel {

    @ModelAttribute("signedIn")
    Account signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Account account ? account : null;
    }
}
