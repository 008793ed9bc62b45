// Every unit test runs against an in-memory IndexedDB, like the renderer's Dexie store in Chromium.
import 'fake-indexeddb/auto';
