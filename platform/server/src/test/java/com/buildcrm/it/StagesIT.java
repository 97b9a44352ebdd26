package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The funnel's stages edited by the owner; system stages protected; managers read only. */
class StagesIT {

    @Test
    void theOwnerEditsTheFunnelAndSystemStagesAreProtected() {
        Api api = SharedServer.get().api();
        String op =
                api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        api.createTenant(op, "stages-edit", "ru", "owner@stages-edit.kz", "owner-pass-1");
        String owner = api.userLogin("stages-edit", "owner@stages-edit.kz", "owner-pass-1");
        api.createUser(owner, "Менеджер", "m@stages-edit.kz", "manager", "manager-pass-1");
        String manager = api.userLogin("stages-edit", "m@stages-edit.kz", "manager-pass-1");

        Reply created =
                api.post(
                        "/api/crm/stages",
                        owner,
                        "{\"name\":\"Замер на участке\",\"color\":\"#12B886\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long custom = created.json().getJsonNumber("id").longValue();
        assertThat(created.json().getString("color")).isEqualTo("#12b886");
        assertThat(created.json().get("role"))
                .isIn(null, JsonValue.NULL); // a custom stage has no role

        assertThat(api.post("/api/crm/stages", manager, "{\"name\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(api.post("/api/crm/stages", owner, "{\"name\":\" \"}").status()).isEqualTo(400);
        assertThat(
                        api.post("/api/crm/stages", owner, "{\"name\":\"x\",\"color\":\"red\"}")
                                .status())
                .isEqualTo(400);

        JsonArray stages = api.get("/api/crm/stages", owner).array();
        long won = idOf(stages, "WON");
        Reply renamed =
                api.patch(
                        "/api/crm/stages/" + won,
                        owner,
                        Json.createObjectBuilder().add("name", "Оплачено").build());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().getString("role")).isEqualTo("WON");
        Reply deleteSystem = api.method("DELETE", "/api/crm/stages/" + won, owner, null);
        assertThat(deleteSystem.status()).isEqualTo(409);

        List<Long> ids = new ArrayList<>();
        stages.forEach(s -> ids.add(s.asJsonObject().getJsonNumber("id").longValue()));
        Collections.reverse(ids);
        JsonArray reordered =
                api.method(
                                "PUT",
                                "/api/crm/stages/order",
                                owner,
                                Json.createObjectBuilder()
                                        .add("ids", Json.createArrayBuilder(ids))
                                        .build()
                                        .toString())
                        .array();
        assertThat(reordered.getJsonObject(0).getJsonNumber("id").longValue())
                .isEqualTo(ids.get(0));
        assertThat(
                        api.method(
                                        "PUT",
                                        "/api/crm/stages/order",
                                        owner,
                                        "{\"ids\":[" + ids.get(0) + "]}")
                                .status())
                .isEqualTo(400);

        assertThat(api.method("DELETE", "/api/crm/stages/" + custom, owner, null).status())
                .isEqualTo(204);
        assertThat(api.get("/api/crm/stages", manager).array())
                .noneMatch(s -> s.asJsonObject().getJsonNumber("id").longValue() == custom);
    }

    private static long idOf(JsonArray stages, String role) {
        return stages.stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> role.equals(s.getString("role", null)))
                .map(s -> s.getJsonNumber("id").longValue())
                .findFirst()
                .orElseThrow();
    }
}
