-- The outlines of districts and townships, loaded from a GeoJSON file by `hotline places
-- load-boundaries` (each load replaces them all), by which a point (an Open311 request's lat/long)
-- is located in a township or a district. Without any outline a point gets the nearest district
-- centre. `polygons` holds a GeoJSON MultiPolygon's coordinates: polygons of rings, the first ring
-- the outer one and the others holes, positions [longitude, latitude] (WGS-84).
CREATE TABLE place_boundaries (
    code      text        PRIMARY KEY,
    tier      text        NOT NULL CHECK (tier IN ('district', 'township')),
    polygons  jsonb       NOT NULL,
    loaded_at timestamptz NOT NULL
);
COMMENT ON TABLE place_boundaries IS 'District and township outlines (GeoJSON MultiPolygon coordinates, [longitude, latitude]) that locate a point; replaced as a whole by hotline places load-boundaries.';
