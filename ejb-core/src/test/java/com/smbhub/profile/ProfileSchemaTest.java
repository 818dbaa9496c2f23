package com.smbhub.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smbhub.platform.errors.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"base", "general", "retail_pos"})
    void theShippedProfilesAndTheirMergeWithBaseAreValid(String name) {
        JsonNode profile = ProfileSchema.shipped(name);
        ProfileSchema.check(ProfileMerger.merge(ProfileSchema.shipped("base"), profile), "merged " + name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{'profile_id':'x1','version':1,'capabilitys':{}}                      | capabilitys",
            "{'profile_id':'x1','version':1,'capabilities':{'quotes':'yes'}}       | capabilities.quotes",
            "{'profile_id':'x1','version':1,'capabilities':{'teleport':true}}      | capabilities",
            "{'profile_id':'x1','version':0}                                      | version",
            "{'profile_id':'Bad Id','version':1}                                  | profile_id",
            "{'profile_id':'x1','version':1,'workflows':{'default_work_item_type':'PIZZA'}} | workflows.default_work_item_type",
            "{'profile_id':'x1','version':1,'required_fields':{'work_item':'title'}} | required_fields.work_item",
            "{'profile_id':'x1','version':1,'extensions':{'work_item_fields':{'colour':{'type':'rainbow'}}}} | extensions.work_item_fields.colour.type",
    })
    void aBrokenProfileIsRefusedNamingTheField(String document, String field) throws Exception {
        JsonNode profile = JSON.readTree(document.replace('\'', '"'));
        ValidationException refused = assertThrows(ValidationException.class, () -> ProfileSchema.check(profile, "test"));
        assertTrue(refused.errors().stream().anyMatch(e -> e.field().startsWith(field)),
                () -> "expected " + field + " in " + refused.errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'version':1}", "{'profile_id':'x1'}"})
    void profileIdAndVersionAreRequired(String document) throws Exception {
        JsonNode profile = JSON.readTree(document.replace('\'', '"'));
        ValidationException refused = assertThrows(ValidationException.class, () -> ProfileSchema.check(profile, "test"));
        assertEquals(1, refused.errors().size());
    }
}
