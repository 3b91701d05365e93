/**
 * The geojson adapter against a GIS-style export that changes between polls: stations as Point
 * features in GCJ-02 with Chinese property names, mapped by config.
 */
import type { GeojsonSourceSettings } from '../../domain/appConfig';
import { type ContractHarness, describeDataSourceContract } from '../../../tests/contract/dataSourceContract';
import { success } from '../contract';
import { createGeojsonDataSource } from './createGeojsonDataSource';

interface ExportedStation {
  code: string;
  name: string;
  kind: string;
  staff: number;
  at: [number, number];
}

const settings: GeojsonSourceSettings = {
  type: 'geojson',
  id: 'gis-export',
  url: '/exports/stations.geojson',
  kind: 'station',
  crs: 'gcj02',
  pollIntervalMs: 50,
  timeoutMs: 15_000,
  fields: { id: 'properties.编码', name: 'properties.名称', stationKind: 'properties.类型', officersOnDuty: 'properties.在岗' },
  constants: { province: 'zj', county: '330822' },
  valueMaps: { stationKind: { 派出所: 'police-station', 警务室: 'police-office', 卡口: 'checkpoint' } },
};

const feature = (station: ExportedStation) => ({
  type: 'Feature',
  properties: { 编码: station.code, 名称: station.name, 类型: station.kind, 在岗: station.staff },
  geometry: { type: 'Point', coordinates: station.at },
});

describeDataSourceContract('geojson (a polled GIS export)', async (): Promise<ContractHarness> => {
  const stations: ExportedStation[] = [
    { code: 'QC-01', name: '球川派出所', kind: '派出所', staff: 18, at: [118.3597, 28.8303] },
    { code: 'BS-01', name: '白石派出所', kind: '派出所', staff: 15, at: [118.4071, 28.8195] },
    { code: 'CP-01', name: '球川卡口', kind: '卡口', staff: 4, at: [118.3401, 28.8502] },
  ];
  /** What the export holds: version per station, counted the way the adapter counts content changes. */
  const versions = new Map(stations.map((s) => [s.code, 1]));
  let malformed: unknown[] = [];
  let round = 0;
  const text = () => JSON.stringify({ type: 'FeatureCollection', features: [...stations.map(feature), ...malformed] });
  const source = createGeojsonDataSource(settings, async () => success(text()));
  return {
    source,
    async produceChanges() {
      round += 1;
      stations[0]!.staff += 1;
      versions.set(stations[0]!.code, versions.get(stations[0]!.code)! + 1);
      const added = { code: `NEW-${round}`, name: `草坪村警务室${round}`, kind: '警务室', staff: 2, at: [118.38, 28.79] as [number, number] };
      stations.push(added);
      versions.set(added.code, 1);
      if (round > 1) {
        const removed = stations.splice(1, 1)[0]!;
        versions.delete(removed.code);
      }
    },
    async truth() {
      return new Map([...versions].map(([code, version]) => [`station:${code}`, version]));
    },
    async injectMalformed() {
      malformed = [
        feature({ code: 'bad-position', name: '坐标错误', kind: '派出所', staff: 1, at: [999, 999] }),
        { type: 'Feature', properties: { 编码: 'bad-kind', 名称: '未知类型', 类型: '哨所', 在岗: 1 }, geometry: { type: 'Point', coordinates: [118.3, 28.8] } },
        { type: 'Feature', properties: { 编码: 'bad-staff', 名称: '人数错误', 类型: '派出所', 在岗: 'many' }, geometry: { type: 'Point', coordinates: [118.3, 28.8] } },
        { type: 'Feature', properties: { 编码: 'huge', 名称: 'x'.repeat(1024 * 1024), 类型: '派出所', 在岗: 1 }, geometry: { type: 'Point', coordinates: [118.3, 28.8] } },
        // Parsed, so `__proto__` is an own key as a hostile file would have it, not a prototype.
        JSON.parse('{"type":"Feature","properties":{"__proto__":{"polluted":true},"编码":"proto"},"geometry":null}'),
        { type: 'Topology' },
      ];
    },
    async close() {
      source.close();
    },
  };
});
