-- Early warnings of one catalog leaf in one township, where volume allows (the window holds at
-- least the policy's minimum count), next to those of a first-level category in a district:
-- `category_code` is then the leaf's code and `township_code` the township's. One row per
-- series and day, whichever the kind.
ALTER TABLE early_warnings ADD COLUMN township_code text;
ALTER TABLE early_warnings DROP CONSTRAINT early_warnings_category_code_district_code_day_key;
ALTER TABLE early_warnings ADD CONSTRAINT early_warnings_series_day
    UNIQUE NULLS NOT DISTINCT (category_code, district_code, township_code, day);
CREATE INDEX early_warnings_township_day ON early_warnings (township_code, day) WHERE township_code IS NOT NULL;
COMMENT ON COLUMN early_warnings.township_code IS 'The township of a leaf × township warning; null for a first-level category × district one.';
