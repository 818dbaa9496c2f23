package com.smbhub.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The merge rules of PRD 9.3, one test each. */
class ProfileMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void laterLayersWinForScalars() throws Exception {
        assertEquals(json("{'a':3}"), ProfileMerger.merge(json("{'a':1}"), json("{'a':2}"), json("{'a':3}")));
    }

    @Test
    void mapsMergeKeyByKeyRecursively() throws Exception {
        assertEquals(json("{'labels':{'work_item':'Job','invoice':'Invoice','deep':{'x':1,'y':2}}}"),
                ProfileMerger.merge(json("{'labels':{'work_item':'Request','invoice':'Invoice','deep':{'x':1}}}"),
                        json("{'labels':{'work_item':'Job','deep':{'y':2}}}")));
    }

    @Test
    void listsReplaceRatherThanMerge() throws Exception {
        assertEquals(json("{'required_fields':{'work_item':['title','labels_json.external_order_id']}}"),
                ProfileMerger.merge(json("{'required_fields':{'work_item':['title']}}"),
                        json("{'required_fields':{'work_item':['title','labels_json.external_order_id']}}")));
        assertEquals(json("{'days':[7]}"), ProfileMerger.merge(json("{'days':[3,7,14]}"), json("{'days':[7]}")));
    }

    @Test
    void aScalarCanReplaceAMapAndTheOtherWayRound() throws Exception {
        assertEquals(json("{'a':1}"), ProfileMerger.merge(json("{'a':{'b':1}}"), json("{'a':1}")));
        assertEquals(json("{'a':{'b':1}}"), ProfileMerger.merge(json("{'a':1}"), json("{'a':{'b':1}}")));
    }

    @Test
    void missingLayersAreSkippedAndInputsAreNotChanged() throws Exception {
        JsonNode base = json("{'labels':{'a':'1'}}");
        JsonNode profile = json("{'labels':{'b':'2'}}");
        ProfileMerger.merge(base, null, profile);
        assertEquals(json("{'labels':{'a':'1'}}"), base);
        assertFalse(base.path("labels").has("b"));
    }

    @Test
    void mergingIsDeterministic() throws Exception {
        JsonNode base = ProfileSchema.shipped("base");
        JsonNode retail = ProfileSchema.shipped("retail_pos");
        String first = ProfileMerger.merge(base, retail).toString();
        for (int i = 0; i < 20; i++) {
            assertEquals(first, ProfileMerger.merge(base, retail).toString());
        }
    }

    @Test
    void mergePatchSetsReplacesAndRemoves() throws Exception {
        JsonNode current = json("{'labels':{'inbox':'Mail','quote':'Estimate'},'capabilities':{'quotes':false}}");
        assertEquals(json("{'labels':{'quote':'Bid'},'capabilities':{'quotes':false}}"),
                ProfileMerger.mergePatch(current, json("{'labels':{'inbox':null,'quote':'Bid'}}")));
        assertEquals(json("{'labels':{'inbox':'Mail','quote':'Estimate'}}"),
                ProfileMerger.mergePatch(current, json("{'capabilities':{'quotes':null}}")));
    }
}
