package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

class UserApiTests extends ApiTestSupport {

    @Test
    void anOwnerAddsAUserWhoCanSignInWithTheirRole() {
        Api.Response created = api.post(
                "/api/users", "{\"username\":\"sam\",\"password\":\"a-long-user-password\",\"role\":\"STAFF\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/users/sam");
        assertThat(created.json().get("role").asString()).isEqualTo("STAFF");
        assertThat(created.text()).doesNotContain("password");
        assertThat(anonymous
                        .withBasic("sam", "a-long-user-password")
                        .get("/api/products")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/users").json().findValuesAsString("username")).containsExactly("admin", "sam");
    }

    @Test
    void shortCommonAndUsernamePasswordsAreRefused() {
        assertThat(api.post("/api/users", "{\"username\":\"sam\",\"password\":\"short\",\"role\":\"STAFF\"}")
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("password");
        assertThat(api.post("/api/users", "{\"username\":\"sam\",\"password\":\"password123\",\"role\":\"STAFF\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/users",
                                "{\"username\":\"samantha\",\"password\":\"samantha-2026\",\"role\":\"STAFF\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/users").json().size()).isEqualTo(1);
    }

    @Test
    void aDuplicateUsernameIs409() {
        as("sam", "STAFF");

        Api.Response again =
                api.post("/api/users", "{\"username\":\"sam\",\"password\":\"another-long-one\",\"role\":\"VIEWER\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("duplicate-username");
    }

    @Test
    void anUnknownRoleIs400() {
        Api.Response response = api.post(
                "/api/users", "{\"username\":\"sam\",\"password\":\"a-long-user-password\",\"role\":\"ROOT\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
    }

    @Test
    void aChangedPasswordReplacesTheOldOne() {
        Api old = as("sam", "STAFF");

        assertThat(api.patch("/api/users/sam", "{\"password\":\"a-brand-new-password\"}")
                        .status())
                .isEqualTo(200);

        assertThat(old.get("/api/products").status()).isEqualTo(401);
        assertThat(anonymous
                        .withBasic("sam", "a-brand-new-password")
                        .get("/api/products")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theLastOwnerCanBeNeitherDisabledNorDemoted() {
        Api.Response demote = api.patch("/api/users/admin", "{\"role\":\"STAFF\"}");
        Api.Response disable = api.patch("/api/users/admin", "{\"disabled\":true}");

        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.json().get("code").asString()).isEqualTo("last-owner");
        assertThat(disable.status()).isEqualTo(409);
        assertThat(api.get("/api/users").json().get(0).get("role").asString()).isEqualTo("OWNER");
    }

    @Test
    void onlyAnOwnerManagesUsers() {
        Api staff = as("sam", "STAFF");

        assertThat(staff.get("/api/users").status()).isEqualTo(403);
        assertThat(staff.post(
                                "/api/users",
                                "{\"username\":\"eve\",\"password\":\"a-long-user-password\",\"role\":\"OWNER\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/users").json().size()).isEqualTo(2);
    }

    @Test
    void userChangesAreInTheAuditTrail() {
        as("sam", "STAFF");
        api.patch("/api/users/sam", "{\"role\":\"VIEWER\"}");

        var events = api.get("/api/audit?action=user.").json().get("items");

        assertThat(events.get(0).get("action").asString()).isEqualTo("user.updated");
        assertThat(events.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(events.get(0).get("detail").asString()).contains("STAFF -> VIEWER");
        assertThat(events.get(1).get("action").asString()).isEqualTo("user.created");
    }
}
