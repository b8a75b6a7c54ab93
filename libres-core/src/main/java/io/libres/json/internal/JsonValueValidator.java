package io.libres.json.internal;

import io.libres.errors.DataNotSerializable;
import io.libres.json.JsonNumbers;
import io.libres.json.JsonValues;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Walks a value tree once and refuses the first thing in it that is not a JSON value, naming its
 * type and its {@link JsonPath}. One instance per walk.
 */
public final class JsonValueValidator {

    private static final String EXPECTED = "expected null, a String, a Boolean, a Number ("
        + JsonNumbers.supportedTypes() + "), a List or other Collection, or a Map with String keys";

    private final JsonPath path = new JsonPath();
    private final Set<Object> containersOnPath = Collections.newSetFromMap(new IdentityHashMap<>());

    private JsonValueValidator() {
    }

    /**
     * Checks a whole value tree.
     *
     * @param value the root value
     * @throws DataNotSerializable at the first value that is not a JSON value
     */
    public static void validate(Object value) {
        new JsonValueValidator().check(value);
    }

    private void check(Object value) {
        if (value == null || value instanceof Boolean) {
            return;
        }
        if (value instanceof String text) {
            checkText(text, "a String");
        } else if (value instanceof Number number) {
            checkNumber(number);
        } else if (value instanceof Map<?, ?> map) {
            enterContainer(map);
            for (Map.Entry<?, ?> member : map.entrySet()) {
                String key = checkKey(member.getKey());
                path.enterKey(key);
                check(member.getValue());
                path.leave();
            }
            containersOnPath.remove(map);
        } else if (value instanceof Collection<?> elements) {
            enterContainer(elements);
            int index = 0;
            for (Object element : elements) {
                path.enterIndex(index++);
                check(element);
                path.leave();
            }
            containersOnPath.remove(elements);
        } else {
            String hint = value.getClass().isArray() ? " (use a List instead of an array)" : "";
            throw refuse("found a " + value.getClass().getTypeName() + hint + "; " + EXPECTED);
        }
    }

    private void enterContainer(Object container) {
        if (!containersOnPath.add(container)) {
            throw refuse("found a " + container.getClass().getName()
                + " that contains itself; expected a tree without cycles");
        }
        if (containersOnPath.size() > JsonValues.MAX_DEPTH) {
            throw refuse("found lists and maps nested more than " + JsonValues.MAX_DEPTH
                + " deep; expected at most " + JsonValues.MAX_DEPTH + " levels");
        }
    }

    private String checkKey(Object key) {
        if (key instanceof String text) {
            checkText(text, "a map key");
            return text;
        }
        String found = key == null ? "a null map key" : "a map key of type " + key.getClass().getName();
        throw refuse("found " + found + "; expected String keys only");
    }

    private void checkNumber(Number number) {
        if (JsonNumbers.isWritable(number)) {
            return;
        }
        if (number instanceof Double || number instanceof Float) {
            throw refuse("found the " + number.getClass().getName() + " " + number
                + "; expected a finite number (JSON has no NaN or Infinity)");
        }
        throw refuse("found a " + number.getClass().getName() + "; expected a Number of type "
            + JsonNumbers.supportedTypes());
    }

    private void checkText(String text, String what) {
        int unpaired = Unicode.firstUnpairedSurrogate(text);
        if (unpaired >= 0) {
            throw refuse("found " + what + " with an unpaired surrogate ("
                + Unicode.describe(text, unpaired) + "); expected well-formed Unicode text");
        }
    }

    private DataNotSerializable refuse(String finding) {
        return new DataNotSerializable("Data is not serialisable to JSON at " + path + ": " + finding + ".");
    }
}
