/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $String = $util.global.String, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const weft = $root.weft = (() => {

    /**
     * Namespace weft.
     * @exports weft
     * @namespace
     */
    const weft = {};

    weft.traces = (function() {

        /**
         * Namespace traces.
         * @memberof weft
         * @namespace
         */
        const traces = {};

        traces.TraceRecord = (function() {

            /**
             * Properties of a TraceRecord.
             * @typedef {Object} weft.traces.TraceRecord.$Properties
             * @property {weft.traces.TraceHeader.$Properties|null} [header] TraceRecord header
             * @property {weft.traces.ClusterDescription.$Properties|null} [cluster] TraceRecord cluster
             * @property {weft.traces.WorkloadArrival.$Properties|null} [workload] TraceRecord workload
             * @property {weft.traces.RequestStream.$Properties|null} [stream] TraceRecord stream
             * @property {weft.traces.Request.$Properties|null} [request] TraceRecord request
             * @property {"header"|"cluster"|"workload"|"stream"|"request"} [record] TraceRecord record
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TraceRecord.
             * @memberof weft.traces
             * @interface ITraceRecord
             * @augments weft.traces.TraceRecord.$Properties
             * @deprecated Use weft.traces.TraceRecord.$Properties instead.
             */

            /**
             * Narrowed shape of a TraceRecord.
             * @typedef {{
             *   header?: weft.traces.TraceHeader.$Shape|null;
             *   cluster?: weft.traces.ClusterDescription.$Shape|null;
             *   workload?: weft.traces.WorkloadArrival.$Shape|null;
             *   stream?: weft.traces.RequestStream.$Shape|null;
             *   request?: weft.traces.Request.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ record?: undefined; header?: null; cluster?: null; workload?: null; stream?: null; request?: null }|{ record?: "header"; header: weft.traces.TraceHeader.$Shape; cluster?: null; workload?: null; stream?: null; request?: null }|{ record?: "cluster"; header?: null; cluster: weft.traces.ClusterDescription.$Shape; workload?: null; stream?: null; request?: null }|{ record?: "workload"; header?: null; cluster?: null; workload: weft.traces.WorkloadArrival.$Shape; stream?: null; request?: null }|{ record?: "stream"; header?: null; cluster?: null; workload?: null; stream: weft.traces.RequestStream.$Shape; request?: null }|{ record?: "request"; header?: null; cluster?: null; workload?: null; stream?: null; request: weft.traces.Request.$Shape })
             * )} weft.traces.TraceRecord.$Shape
             */

            /**
             * Constructs a new TraceRecord.
             * @memberof weft.traces
             * @classdesc Represents a TraceRecord.
             * @constructor
             * @param {weft.traces.TraceRecord.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TraceRecord = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TraceRecord header.
             * @member {weft.traces.TraceHeader.$Properties|null|undefined} header
             * @memberof weft.traces.TraceRecord
             * @instance
             */
            TraceRecord.prototype.header = null;

            /**
             * TraceRecord cluster.
             * @member {weft.traces.ClusterDescription.$Properties|null|undefined} cluster
             * @memberof weft.traces.TraceRecord
             * @instance
             */
            TraceRecord.prototype.cluster = null;

            /**
             * TraceRecord workload.
             * @member {weft.traces.WorkloadArrival.$Properties|null|undefined} workload
             * @memberof weft.traces.TraceRecord
             * @instance
             */
            TraceRecord.prototype.workload = null;

            /**
             * TraceRecord stream.
             * @member {weft.traces.RequestStream.$Properties|null|undefined} stream
             * @memberof weft.traces.TraceRecord
             * @instance
             */
            TraceRecord.prototype.stream = null;

            /**
             * TraceRecord request.
             * @member {weft.traces.Request.$Properties|null|undefined} request
             * @memberof weft.traces.TraceRecord
             * @instance
             */
            TraceRecord.prototype.request = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * TraceRecord record.
             * @member {"header"|"cluster"|"workload"|"stream"|"request"|undefined} record
             * @memberof weft.traces.TraceRecord
             * @instance
             */
            $Object.defineProperty(TraceRecord.prototype, "record", {
                get: $util.oneOfGetter($oneOfFields = ["header", "cluster", "workload", "stream", "request"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new TraceRecord instance using the specified properties.
             * @function create
             * @memberof weft.traces.TraceRecord
             * @static
             * @param {weft.traces.TraceRecord.$Properties=} [properties] Properties to set
             * @returns {weft.traces.TraceRecord} TraceRecord instance
             * @type {{
             *   (properties: weft.traces.TraceRecord.$Shape): weft.traces.TraceRecord & weft.traces.TraceRecord.$Shape;
             *   (properties?: weft.traces.TraceRecord.$Properties): weft.traces.TraceRecord;
             * }}
             */
            TraceRecord.create = function(properties) {
                return new TraceRecord(properties);
            };

            /**
             * Encodes the specified TraceRecord message. Does not implicitly {@link weft.traces.TraceRecord.verify|verify} messages.
             * @function encode
             * @memberof weft.traces.TraceRecord
             * @static
             * @param {weft.traces.TraceRecord.$Properties} message TraceRecord message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TraceRecord.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    $root.weft.traces.TraceHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.cluster != null && $Object.hasOwnProperty.call(message, "cluster"))
                    $root.weft.traces.ClusterDescription.encode(message.cluster, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.workload != null && $Object.hasOwnProperty.call(message, "workload"))
                    $root.weft.traces.WorkloadArrival.encode(message.workload, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.stream != null && $Object.hasOwnProperty.call(message, "stream"))
                    $root.weft.traces.RequestStream.encode(message.stream, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.request != null && $Object.hasOwnProperty.call(message, "request"))
                    $root.weft.traces.Request.encode(message.request, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified TraceRecord message, length delimited. Does not implicitly {@link weft.traces.TraceRecord.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.traces.TraceRecord
             * @static
             * @param {weft.traces.TraceRecord.$Properties} message TraceRecord message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TraceRecord.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TraceRecord message from the specified reader or buffer.
             * @function decode
             * @memberof weft.traces.TraceRecord
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.traces.TraceRecord & weft.traces.TraceRecord.$Shape} TraceRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TraceRecord.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.traces.TraceRecord();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.header = $root.weft.traces.TraceHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                            message.record = "header";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.cluster = $root.weft.traces.ClusterDescription.decode(reader, reader.size(), $undefined, _depth + 1, message.cluster);
                            message.record = "cluster";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.workload = $root.weft.traces.WorkloadArrival.decode(reader, reader.size(), $undefined, _depth + 1, message.workload);
                            message.record = "workload";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.stream = $root.weft.traces.RequestStream.decode(reader, reader.size(), $undefined, _depth + 1, message.stream);
                            message.record = "stream";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.request = $root.weft.traces.Request.decode(reader, reader.size(), $undefined, _depth + 1, message.request);
                            message.record = "request";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a TraceRecord message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.traces.TraceRecord
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.traces.TraceRecord & weft.traces.TraceRecord.$Shape} TraceRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TraceRecord.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TraceRecord message.
             * @function verify
             * @memberof weft.traces.TraceRecord
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TraceRecord.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.header != null && $Object.hasOwnProperty.call(message, "header")) {
                    properties.record = 1;
                    {
                        let error = $root.weft.traces.TraceHeader.verify(message.header, _depth + 1);
                        if (error)
                            return "header." + error;
                    }
                }
                if (message.cluster != null && $Object.hasOwnProperty.call(message, "cluster")) {
                    if (properties.record === 1)
                        return "record: multiple values";
                    properties.record = 1;
                    {
                        let error = $root.weft.traces.ClusterDescription.verify(message.cluster, _depth + 1);
                        if (error)
                            return "cluster." + error;
                    }
                }
                if (message.workload != null && $Object.hasOwnProperty.call(message, "workload")) {
                    if (properties.record === 1)
                        return "record: multiple values";
                    properties.record = 1;
                    {
                        let error = $root.weft.traces.WorkloadArrival.verify(message.workload, _depth + 1);
                        if (error)
                            return "workload." + error;
                    }
                }
                if (message.stream != null && $Object.hasOwnProperty.call(message, "stream")) {
                    if (properties.record === 1)
                        return "record: multiple values";
                    properties.record = 1;
                    {
                        let error = $root.weft.traces.RequestStream.verify(message.stream, _depth + 1);
                        if (error)
                            return "stream." + error;
                    }
                }
                if (message.request != null && $Object.hasOwnProperty.call(message, "request")) {
                    if (properties.record === 1)
                        return "record: multiple values";
                    properties.record = 1;
                    {
                        let error = $root.weft.traces.Request.verify(message.request, _depth + 1);
                        if (error)
                            return "request." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a TraceRecord message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.traces.TraceRecord
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.traces.TraceRecord} TraceRecord
             */
            TraceRecord.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.traces.TraceRecord)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.traces.TraceRecord: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.traces.TraceRecord();
                if (object.header != null) {
                    if (!$util.isObject(object.header))
                        throw $TypeError(".weft.traces.TraceRecord.header: object expected");
                    message.header = $root.weft.traces.TraceHeader.fromObject(object.header, _depth + 1);
                }
                if (object.cluster != null) {
                    if (!$util.isObject(object.cluster))
                        throw $TypeError(".weft.traces.TraceRecord.cluster: object expected");
                    message.cluster = $root.weft.traces.ClusterDescription.fromObject(object.cluster, _depth + 1);
                }
                if (object.workload != null) {
                    if (!$util.isObject(object.workload))
                        throw $TypeError(".weft.traces.TraceRecord.workload: object expected");
                    message.workload = $root.weft.traces.WorkloadArrival.fromObject(object.workload, _depth + 1);
                }
                if (object.stream != null) {
                    if (!$util.isObject(object.stream))
                        throw $TypeError(".weft.traces.TraceRecord.stream: object expected");
                    message.stream = $root.weft.traces.RequestStream.fromObject(object.stream, _depth + 1);
                }
                if (object.request != null) {
                    if (!$util.isObject(object.request))
                        throw $TypeError(".weft.traces.TraceRecord.request: object expected");
                    message.request = $root.weft.traces.Request.fromObject(object.request, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a TraceRecord message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.traces.TraceRecord
             * @static
             * @param {weft.traces.TraceRecord} message TraceRecord
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TraceRecord.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.header != null && $Object.hasOwnProperty.call(message, "header")) {
                    object.header = $root.weft.traces.TraceHeader.toObject(message.header, options, _depth + 1);
                    if (options.oneofs)
                        object.record = "header";
                }
                if (message.cluster != null && $Object.hasOwnProperty.call(message, "cluster")) {
                    object.cluster = $root.weft.traces.ClusterDescription.toObject(message.cluster, options, _depth + 1);
                    if (options.oneofs)
                        object.record = "cluster";
                }
                if (message.workload != null && $Object.hasOwnProperty.call(message, "workload")) {
                    object.workload = $root.weft.traces.WorkloadArrival.toObject(message.workload, options, _depth + 1);
                    if (options.oneofs)
                        object.record = "workload";
                }
                if (message.stream != null && $Object.hasOwnProperty.call(message, "stream")) {
                    object.stream = $root.weft.traces.RequestStream.toObject(message.stream, options, _depth + 1);
                    if (options.oneofs)
                        object.record = "stream";
                }
                if (message.request != null && $Object.hasOwnProperty.call(message, "request")) {
                    object.request = $root.weft.traces.Request.toObject(message.request, options, _depth + 1);
                    if (options.oneofs)
                        object.record = "request";
                }
                return object;
            };

            /**
             * Converts this TraceRecord to JSON.
             * @function toJSON
             * @memberof weft.traces.TraceRecord
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TraceRecord.prototype.toJSON = function() {
                return TraceRecord.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TraceRecord
             * @function getTypeUrl
             * @memberof weft.traces.TraceRecord
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TraceRecord.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.traces.TraceRecord";
            };

            return TraceRecord;
        })();

        traces.TraceHeader = (function() {

            /**
             * Properties of a TraceHeader.
             * @typedef {Object} weft.traces.TraceHeader.$Properties
             * @property {number|null} [formatVersion] TraceHeader formatVersion
             * @property {string|null} [name] TraceHeader name
             * @property {string|null} [source] TraceHeader source
             * @property {string|null} [attribution] TraceHeader attribution
             * @property {number|Long|null} [originEpochS] TraceHeader originEpochS
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TraceHeader.
             * @memberof weft.traces
             * @interface ITraceHeader
             * @augments weft.traces.TraceHeader.$Properties
             * @deprecated Use weft.traces.TraceHeader.$Properties instead.
             */

            /**
             * Shape of a TraceHeader.
             * @typedef {weft.traces.TraceHeader.$Properties} weft.traces.TraceHeader.$Shape
             */

            /**
             * Constructs a new TraceHeader.
             * @memberof weft.traces
             * @classdesc Represents a TraceHeader.
             * @constructor
             * @param {weft.traces.TraceHeader.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TraceHeader = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TraceHeader formatVersion.
             * @member {number} formatVersion
             * @memberof weft.traces.TraceHeader
             * @instance
             */
            TraceHeader.prototype.formatVersion = 0;

            /**
             * TraceHeader name.
             * @member {string} name
             * @memberof weft.traces.TraceHeader
             * @instance
             */
            TraceHeader.prototype.name = "";

            /**
             * TraceHeader source.
             * @member {string} source
             * @memberof weft.traces.TraceHeader
             * @instance
             */
            TraceHeader.prototype.source = "";

            /**
             * TraceHeader attribution.
             * @member {string} attribution
             * @memberof weft.traces.TraceHeader
             * @instance
             */
            TraceHeader.prototype.attribution = "";

            /**
             * TraceHeader originEpochS.
             * @member {number|Long|null|undefined} originEpochS
             * @memberof weft.traces.TraceHeader
             * @instance
             */
            TraceHeader.prototype.originEpochS = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(TraceHeader.prototype, "_originEpochS", {
                get: $util.oneOfGetter($oneOfFields = ["originEpochS"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new TraceHeader instance using the specified properties.
             * @function create
             * @memberof weft.traces.TraceHeader
             * @static
             * @param {weft.traces.TraceHeader.$Properties=} [properties] Properties to set
             * @returns {weft.traces.TraceHeader} TraceHeader instance
             * @type {{
             *   (properties: weft.traces.TraceHeader.$Shape): weft.traces.TraceHeader & weft.traces.TraceHeader.$Shape;
             *   (properties?: weft.traces.TraceHeader.$Properties): weft.traces.TraceHeader;
             * }}
             */
            TraceHeader.create = function(properties) {
                return new TraceHeader(properties);
            };

            /**
             * Encodes the specified TraceHeader message. Does not implicitly {@link weft.traces.TraceHeader.verify|verify} messages.
             * @function encode
             * @memberof weft.traces.TraceHeader
             * @static
             * @param {weft.traces.TraceHeader.$Properties} message TraceHeader message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TraceHeader.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.formatVersion != null && $Object.hasOwnProperty.call(message, "formatVersion") && message.formatVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.formatVersion);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.source);
                if (message.attribution != null && $Object.hasOwnProperty.call(message, "attribution") && message.attribution !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.attribution);
                if (message.originEpochS != null && $Object.hasOwnProperty.call(message, "originEpochS"))
                    writer.uint32(/* id 5, wireType 0 =*/40).int64(message.originEpochS);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified TraceHeader message, length delimited. Does not implicitly {@link weft.traces.TraceHeader.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.traces.TraceHeader
             * @static
             * @param {weft.traces.TraceHeader.$Properties} message TraceHeader message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TraceHeader.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TraceHeader message from the specified reader or buffer.
             * @function decode
             * @memberof weft.traces.TraceHeader
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.traces.TraceHeader & weft.traces.TraceHeader.$Shape} TraceHeader
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TraceHeader.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.traces.TraceHeader();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.formatVersion = value;
                            else
                                delete message.formatVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.source = value;
                            else
                                delete message.source;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.attribution = value;
                            else
                                delete message.attribution;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            message.originEpochS = reader.int64();
                            message._originEpochS = "originEpochS";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a TraceHeader message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.traces.TraceHeader
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.traces.TraceHeader & weft.traces.TraceHeader.$Shape} TraceHeader
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TraceHeader.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TraceHeader message.
             * @function verify
             * @memberof weft.traces.TraceHeader
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TraceHeader.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.formatVersion != null && $Object.hasOwnProperty.call(message, "formatVersion"))
                    if (!$util.isInteger(message.formatVersion))
                        return "formatVersion: integer expected";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    if (!$util.isString(message.source))
                        return "source: string expected";
                if (message.attribution != null && $Object.hasOwnProperty.call(message, "attribution"))
                    if (!$util.isString(message.attribution))
                        return "attribution: string expected";
                if (message.originEpochS != null && $Object.hasOwnProperty.call(message, "originEpochS")) {
                    properties._originEpochS = 1;
                    if (!$util.isInteger(message.originEpochS) && !(message.originEpochS && $util.isInteger(message.originEpochS.low) && $util.isInteger(message.originEpochS.high)))
                        return "originEpochS: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a TraceHeader message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.traces.TraceHeader
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.traces.TraceHeader} TraceHeader
             */
            TraceHeader.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.traces.TraceHeader)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.traces.TraceHeader: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.traces.TraceHeader();
                if (object.formatVersion != null)
                    if ($Number(object.formatVersion) !== 0)
                        message.formatVersion = object.formatVersion >>> 0;
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.source != null)
                    if (typeof object.source !== "string" || object.source.length)
                        message.source = $String(object.source);
                if (object.attribution != null)
                    if (typeof object.attribution !== "string" || object.attribution.length)
                        message.attribution = $String(object.attribution);
                if (object.originEpochS != null)
                    if ($util.Long)
                        message.originEpochS = $util.Long.fromValue(object.originEpochS, false);
                    else if (typeof object.originEpochS === "string")
                        message.originEpochS = $parseInt(object.originEpochS, 10);
                    else if (typeof object.originEpochS === "number")
                        message.originEpochS = object.originEpochS;
                    else if (typeof object.originEpochS === "object")
                        message.originEpochS = new $util.LongBits(object.originEpochS.low >>> 0, object.originEpochS.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a TraceHeader message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.traces.TraceHeader
             * @static
             * @param {weft.traces.TraceHeader} message TraceHeader
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TraceHeader.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.formatVersion = 0;
                    object.name = "";
                    object.source = "";
                    object.attribution = "";
                }
                if (message.formatVersion != null && $Object.hasOwnProperty.call(message, "formatVersion"))
                    object.formatVersion = message.formatVersion;
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    object.source = message.source;
                if (message.attribution != null && $Object.hasOwnProperty.call(message, "attribution"))
                    object.attribution = message.attribution;
                if (message.originEpochS != null && $Object.hasOwnProperty.call(message, "originEpochS"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.originEpochS = typeof message.originEpochS === "number" ? $BigInt(message.originEpochS) : $util.Long.fromBits(message.originEpochS.low >>> 0, message.originEpochS.high >>> 0, false).toBigInt();
                    else if (typeof message.originEpochS === "number")
                        object.originEpochS = options.longs === $String ? $String(message.originEpochS) : message.originEpochS;
                    else
                        object.originEpochS = options.longs === $String ? $util.Long.prototype.toString.call(message.originEpochS) : options.longs === $Number ? new $util.LongBits(message.originEpochS.low >>> 0, message.originEpochS.high >>> 0).toNumber() : message.originEpochS;
                return object;
            };

            /**
             * Converts this TraceHeader to JSON.
             * @function toJSON
             * @memberof weft.traces.TraceHeader
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TraceHeader.prototype.toJSON = function() {
                return TraceHeader.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TraceHeader
             * @function getTypeUrl
             * @memberof weft.traces.TraceHeader
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TraceHeader.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.traces.TraceHeader";
            };

            return TraceHeader;
        })();

        traces.ClusterDescription = (function() {

            /**
             * Properties of a ClusterDescription.
             * @typedef {Object} weft.traces.ClusterDescription.$Properties
             * @property {string|null} [name] ClusterDescription name
             * @property {Array.<weft.traces.Machine.$Properties>|null} [machines] ClusterDescription machines
             * @property {string|null} [clusterSpecJson] ClusterDescription clusterSpecJson
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ClusterDescription.
             * @memberof weft.traces
             * @interface IClusterDescription
             * @augments weft.traces.ClusterDescription.$Properties
             * @deprecated Use weft.traces.ClusterDescription.$Properties instead.
             */

            /**
             * Shape of a ClusterDescription.
             * @typedef {weft.traces.ClusterDescription.$Properties} weft.traces.ClusterDescription.$Shape
             */

            /**
             * Constructs a new ClusterDescription.
             * @memberof weft.traces
             * @classdesc Represents a ClusterDescription.
             * @constructor
             * @param {weft.traces.ClusterDescription.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ClusterDescription = function (properties) {
                this.machines = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ClusterDescription name.
             * @member {string} name
             * @memberof weft.traces.ClusterDescription
             * @instance
             */
            ClusterDescription.prototype.name = "";

            /**
             * ClusterDescription machines.
             * @member {Array.<weft.traces.Machine.$Properties>} machines
             * @memberof weft.traces.ClusterDescription
             * @instance
             */
            ClusterDescription.prototype.machines = $util.emptyArray;

            /**
             * ClusterDescription clusterSpecJson.
             * @member {string|null|undefined} clusterSpecJson
             * @memberof weft.traces.ClusterDescription
             * @instance
             */
            ClusterDescription.prototype.clusterSpecJson = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ClusterDescription.prototype, "_clusterSpecJson", {
                get: $util.oneOfGetter($oneOfFields = ["clusterSpecJson"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new ClusterDescription instance using the specified properties.
             * @function create
             * @memberof weft.traces.ClusterDescription
             * @static
             * @param {weft.traces.ClusterDescription.$Properties=} [properties] Properties to set
             * @returns {weft.traces.ClusterDescription} ClusterDescription instance
             * @type {{
             *   (properties: weft.traces.ClusterDescription.$Shape): weft.traces.ClusterDescription & weft.traces.ClusterDescription.$Shape;
             *   (properties?: weft.traces.ClusterDescription.$Properties): weft.traces.ClusterDescription;
             * }}
             */
            ClusterDescription.create = function(properties) {
                return new ClusterDescription(properties);
            };

            /**
             * Encodes the specified ClusterDescription message. Does not implicitly {@link weft.traces.ClusterDescription.verify|verify} messages.
             * @function encode
             * @memberof weft.traces.ClusterDescription
             * @static
             * @param {weft.traces.ClusterDescription.$Properties} message ClusterDescription message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClusterDescription.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.machines != null && message.machines.length)
                    for (let i = 0; i < message.machines.length; ++i)
                        $root.weft.traces.Machine.encode(message.machines[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.clusterSpecJson != null && $Object.hasOwnProperty.call(message, "clusterSpecJson"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.clusterSpecJson);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ClusterDescription message, length delimited. Does not implicitly {@link weft.traces.ClusterDescription.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.traces.ClusterDescription
             * @static
             * @param {weft.traces.ClusterDescription.$Properties} message ClusterDescription message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClusterDescription.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ClusterDescription message from the specified reader or buffer.
             * @function decode
             * @memberof weft.traces.ClusterDescription
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.traces.ClusterDescription & weft.traces.ClusterDescription.$Shape} ClusterDescription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClusterDescription.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.traces.ClusterDescription();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.machines && message.machines.length))
                                message.machines = [];
                            message.machines.push($root.weft.traces.Machine.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.clusterSpecJson = reader.stringVerify();
                            message._clusterSpecJson = "clusterSpecJson";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ClusterDescription message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.traces.ClusterDescription
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.traces.ClusterDescription & weft.traces.ClusterDescription.$Shape} ClusterDescription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClusterDescription.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ClusterDescription message.
             * @function verify
             * @memberof weft.traces.ClusterDescription
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ClusterDescription.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.machines != null && $Object.hasOwnProperty.call(message, "machines")) {
                    if (!$Array.isArray(message.machines))
                        return "machines: array expected";
                    for (let i = 0; i < message.machines.length; ++i) {
                        let error = $root.weft.traces.Machine.verify(message.machines[i], _depth + 1);
                        if (error)
                            return "machines." + error;
                    }
                }
                if (message.clusterSpecJson != null && $Object.hasOwnProperty.call(message, "clusterSpecJson")) {
                    properties._clusterSpecJson = 1;
                    if (!$util.isString(message.clusterSpecJson))
                        return "clusterSpecJson: string expected";
                }
                return null;
            };

            /**
             * Creates a ClusterDescription message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.traces.ClusterDescription
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.traces.ClusterDescription} ClusterDescription
             */
            ClusterDescription.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.traces.ClusterDescription)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.traces.ClusterDescription: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.traces.ClusterDescription();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.machines) {
                    if (!$Array.isArray(object.machines))
                        throw $TypeError(".weft.traces.ClusterDescription.machines: array expected");
                    message.machines = $Array(object.machines.length);
                    for (let i = 0; i < object.machines.length; ++i) {
                        if (!$util.isObject(object.machines[i]))
                            throw $TypeError(".weft.traces.ClusterDescription.machines: object expected");
                        message.machines[i] = $root.weft.traces.Machine.fromObject(object.machines[i], _depth + 1);
                    }
                }
                if (object.clusterSpecJson != null)
                    message.clusterSpecJson = $String(object.clusterSpecJson);
                return message;
            };

            /**
             * Creates a plain object from a ClusterDescription message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.traces.ClusterDescription
             * @static
             * @param {weft.traces.ClusterDescription} message ClusterDescription
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ClusterDescription.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.machines = [];
                if (options.defaults)
                    object.name = "";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.machines && message.machines.length) {
                    object.machines = $Array(message.machines.length);
                    for (let j = 0; j < message.machines.length; ++j)
                        object.machines[j] = $root.weft.traces.Machine.toObject(message.machines[j], options, _depth + 1);
                }
                if (message.clusterSpecJson != null && $Object.hasOwnProperty.call(message, "clusterSpecJson"))
                    object.clusterSpecJson = message.clusterSpecJson;
                return object;
            };

            /**
             * Converts this ClusterDescription to JSON.
             * @function toJSON
             * @memberof weft.traces.ClusterDescription
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ClusterDescription.prototype.toJSON = function() {
                return ClusterDescription.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ClusterDescription
             * @function getTypeUrl
             * @memberof weft.traces.ClusterDescription
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ClusterDescription.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.traces.ClusterDescription";
            };

            return ClusterDescription;
        })();

        traces.Machine = (function() {

            /**
             * Properties of a Machine.
             * @typedef {Object} weft.traces.Machine.$Properties
             * @property {string|null} [name] Machine name
             * @property {string|null} [gpuType] Machine gpuType
             * @property {number|null} [gpus] Machine gpus
             * @property {number|null} [cpus] Machine cpus
             * @property {number|null} [memoryGib] Machine memoryGib
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Machine.
             * @memberof weft.traces
             * @interface IMachine
             * @augments weft.traces.Machine.$Properties
             * @deprecated Use weft.traces.Machine.$Properties instead.
             */

            /**
             * Shape of a Machine.
             * @typedef {weft.traces.Machine.$Properties} weft.traces.Machine.$Shape
             */

            /**
             * Constructs a new Machine.
             * @memberof weft.traces
             * @classdesc Represents a Machine.
             * @constructor
             * @param {weft.traces.Machine.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Machine = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Machine name.
             * @member {string} name
             * @memberof weft.traces.Machine
             * @instance
             */
            Machine.prototype.name = "";

            /**
             * Machine gpuType.
             * @member {string} gpuType
             * @memberof weft.traces.Machine
             * @instance
             */
            Machine.prototype.gpuType = "";

            /**
             * Machine gpus.
             * @member {number} gpus
             * @memberof weft.traces.Machine
             * @instance
             */
            Machine.prototype.gpus = 0;

            /**
             * Machine cpus.
             * @member {number} cpus
             * @memberof weft.traces.Machine
             * @instance
             */
            Machine.prototype.cpus = 0;

            /**
             * Machine memoryGib.
             * @member {number|null|undefined} memoryGib
             * @memberof weft.traces.Machine
             * @instance
             */
            Machine.prototype.memoryGib = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Machine.prototype, "_memoryGib", {
                get: $util.oneOfGetter($oneOfFields = ["memoryGib"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Machine instance using the specified properties.
             * @function create
             * @memberof weft.traces.Machine
             * @static
             * @param {weft.traces.Machine.$Properties=} [properties] Properties to set
             * @returns {weft.traces.Machine} Machine instance
             * @type {{
             *   (properties: weft.traces.Machine.$Shape): weft.traces.Machine & weft.traces.Machine.$Shape;
             *   (properties?: weft.traces.Machine.$Properties): weft.traces.Machine;
             * }}
             */
            Machine.create = function(properties) {
                return new Machine(properties);
            };

            /**
             * Encodes the specified Machine message. Does not implicitly {@link weft.traces.Machine.verify|verify} messages.
             * @function encode
             * @memberof weft.traces.Machine
             * @static
             * @param {weft.traces.Machine.$Properties} message Machine message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Machine.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.gpuType != null && $Object.hasOwnProperty.call(message, "gpuType") && message.gpuType !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.gpuType);
                if (message.gpus != null && $Object.hasOwnProperty.call(message, "gpus") && message.gpus !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.gpus);
                if (message.cpus != null && $Object.hasOwnProperty.call(message, "cpus") && !$Object.is(message.cpus, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.cpus);
                if (message.memoryGib != null && $Object.hasOwnProperty.call(message, "memoryGib"))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.memoryGib);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Machine message, length delimited. Does not implicitly {@link weft.traces.Machine.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.traces.Machine
             * @static
             * @param {weft.traces.Machine.$Properties} message Machine message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Machine.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Machine message from the specified reader or buffer.
             * @function decode
             * @memberof weft.traces.Machine
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.traces.Machine & weft.traces.Machine.$Shape} Machine
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Machine.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.traces.Machine();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.gpuType = value;
                            else
                                delete message.gpuType;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.gpus = value;
                            else
                                delete message.gpus;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.cpus = value;
                            else
                                delete message.cpus;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            message.memoryGib = reader.double();
                            message._memoryGib = "memoryGib";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Machine message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.traces.Machine
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.traces.Machine & weft.traces.Machine.$Shape} Machine
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Machine.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Machine message.
             * @function verify
             * @memberof weft.traces.Machine
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Machine.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.gpuType != null && $Object.hasOwnProperty.call(message, "gpuType"))
                    if (!$util.isString(message.gpuType))
                        return "gpuType: string expected";
                if (message.gpus != null && $Object.hasOwnProperty.call(message, "gpus"))
                    if (!$util.isInteger(message.gpus))
                        return "gpus: integer expected";
                if (message.cpus != null && $Object.hasOwnProperty.call(message, "cpus"))
                    if (typeof message.cpus !== "number")
                        return "cpus: number expected";
                if (message.memoryGib != null && $Object.hasOwnProperty.call(message, "memoryGib")) {
                    properties._memoryGib = 1;
                    if (typeof message.memoryGib !== "number")
                        return "memoryGib: number expected";
                }
                return null;
            };

            /**
             * Creates a Machine message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.traces.Machine
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.traces.Machine} Machine
             */
            Machine.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.traces.Machine)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.traces.Machine: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.traces.Machine();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.gpuType != null)
                    if (typeof object.gpuType !== "string" || object.gpuType.length)
                        message.gpuType = $String(object.gpuType);
                if (object.gpus != null)
                    if ($Number(object.gpus) !== 0)
                        message.gpus = object.gpus >>> 0;
                if (object.cpus != null)
                    if (!$Object.is($Number(object.cpus), 0))
                        message.cpus = $Number(object.cpus);
                if (object.memoryGib != null)
                    message.memoryGib = $Number(object.memoryGib);
                return message;
            };

            /**
             * Creates a plain object from a Machine message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.traces.Machine
             * @static
             * @param {weft.traces.Machine} message Machine
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Machine.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    object.gpuType = "";
                    object.gpus = 0;
                    object.cpus = 0;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.gpuType != null && $Object.hasOwnProperty.call(message, "gpuType"))
                    object.gpuType = message.gpuType;
                if (message.gpus != null && $Object.hasOwnProperty.call(message, "gpus"))
                    object.gpus = message.gpus;
                if (message.cpus != null && $Object.hasOwnProperty.call(message, "cpus"))
                    object.cpus = options.json && !$isFinite(message.cpus) ? $String(message.cpus) : message.cpus;
                if (message.memoryGib != null && $Object.hasOwnProperty.call(message, "memoryGib"))
                    object.memoryGib = options.json && !$isFinite(message.memoryGib) ? $String(message.memoryGib) : message.memoryGib;
                return object;
            };

            /**
             * Converts this Machine to JSON.
             * @function toJSON
             * @memberof weft.traces.Machine
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Machine.prototype.toJSON = function() {
                return Machine.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Machine
             * @function getTypeUrl
             * @memberof weft.traces.Machine
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Machine.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.traces.Machine";
            };

            return Machine;
        })();

        traces.WorkloadArrival = (function() {

            /**
             * Properties of a WorkloadArrival.
             * @typedef {Object} weft.traces.WorkloadArrival.$Properties
             * @property {string|null} [id] WorkloadArrival id
             * @property {number|Long|null} [arrivalNs] WorkloadArrival arrivalNs
             * @property {string|null} [user] WorkloadArrival user
             * @property {string|null} [queue] WorkloadArrival queue
             * @property {number|null} [priority] WorkloadArrival priority
             * @property {weft.traces.TrainingJob.$Properties|null} [training] WorkloadArrival training
             * @property {weft.traces.InferenceService.$Properties|null} [inference] WorkloadArrival inference
             * @property {weft.traces.RecordedOutcome.$Properties|null} [recorded] WorkloadArrival recorded
             * @property {"training"|"inference"} [spec] WorkloadArrival spec
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a WorkloadArrival.
             * @memberof weft.traces
             * @interface IWorkloadArrival
             * @augments weft.traces.WorkloadArrival.$Properties
             * @deprecated Use weft.traces.WorkloadArrival.$Properties instead.
             */

            /**
             * Narrowed shape of a WorkloadArrival.
             * @typedef {{
             *   id?: string|null;
             *   arrivalNs?: number|Long|null;
             *   user?: string|null;
             *   queue?: string|null;
             *   priority?: number|null;
             *   training?: weft.traces.TrainingJob.$Shape|null;
             *   inference?: weft.traces.InferenceService.$Shape|null;
             *   recorded?: weft.traces.RecordedOutcome.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ spec?: undefined; training?: null; inference?: null }|{ spec?: "training"; training: weft.traces.TrainingJob.$Shape; inference?: null }|{ spec?: "inference"; training?: null; inference: weft.traces.InferenceService.$Shape })
             * )} weft.traces.WorkloadArrival.$Shape
             */

            /**
             * Constructs a new WorkloadArrival.
             * @memberof weft.traces
             * @classdesc Represents a WorkloadArrival.
             * @constructor
             * @param {weft.traces.WorkloadArrival.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const WorkloadArrival = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * WorkloadArrival id.
             * @member {string} id
             * @memberof weft.traces.WorkloadArrival
             * @instance
             */
            WorkloadArrival.prototype.id = "";

            /**
             * WorkloadArrival arrivalNs.
             * @member {number|Long} arrivalNs
             * @memberof weft.traces.WorkloadArrival
             * @instance
             */
            WorkloadArrival.prototype.arrivalNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * WorkloadArrival user.
             * @member {string} user
             * @memberof weft.traces.WorkloadArrival
             * @instance
             */
            WorkloadArrival.prototype.user = "";

            /**
             * WorkloadArrival queue.
             * @member {string} queue
             * @memberof weft.traces.WorkloadArrival
             * @instance
             */
            WorkloadArrival.prototype.queue = "";

            /**
             * WorkloadArrival priority.
             * @member {number} priority
             * @memberof weft.traces.WorkloadArrival
             * @instance
             */
            WorkloadArrival.prototype.priority = 0;

            /**
             * WorkloadArrival training.
             * @member {weft.traces.TrainingJob.$Properties|null|undefined} training
             * @memberof weft.traces.WorkloadArrival
             * @instance
             */
            WorkloadArrival.prototype.training = null;

            /**
             * WorkloadArrival inference.
             * @member {weft.traces.InferenceService.$Properties|null|undefined} inference
             * @memberof weft.traces.WorkloadArrival
             * @instance
             */
            WorkloadArrival.prototype.inference = null;

            /**
             * WorkloadArrival recorded.
             * @member {weft.traces.RecordedOutcome.$Properties|null|undefined} recorded
             * @memberof weft.traces.WorkloadArrival
             * @instance
             */
            WorkloadArrival.prototype.recorded = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * WorkloadArrival spec.
             * @member {"training"|"inference"|undefined} spec
             * @memberof weft.traces.WorkloadArrival
             * @instance
             */
            $Object.defineProperty(WorkloadArrival.prototype, "spec", {
                get: $util.oneOfGetter($oneOfFields = ["training", "inference"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(WorkloadArrival.prototype, "_recorded", {
                get: $util.oneOfGetter($oneOfFields = ["recorded"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new WorkloadArrival instance using the specified properties.
             * @function create
             * @memberof weft.traces.WorkloadArrival
             * @static
             * @param {weft.traces.WorkloadArrival.$Properties=} [properties] Properties to set
             * @returns {weft.traces.WorkloadArrival} WorkloadArrival instance
             * @type {{
             *   (properties: weft.traces.WorkloadArrival.$Shape): weft.traces.WorkloadArrival & weft.traces.WorkloadArrival.$Shape;
             *   (properties?: weft.traces.WorkloadArrival.$Properties): weft.traces.WorkloadArrival;
             * }}
             */
            WorkloadArrival.create = function(properties) {
                return new WorkloadArrival(properties);
            };

            /**
             * Encodes the specified WorkloadArrival message. Does not implicitly {@link weft.traces.WorkloadArrival.verify|verify} messages.
             * @function encode
             * @memberof weft.traces.WorkloadArrival
             * @static
             * @param {weft.traces.WorkloadArrival.$Properties} message WorkloadArrival message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WorkloadArrival.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.arrivalNs != null && $Object.hasOwnProperty.call(message, "arrivalNs") && (typeof message.arrivalNs === "object" ? message.arrivalNs.low || message.arrivalNs.high : message.arrivalNs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.arrivalNs);
                if (message.user != null && $Object.hasOwnProperty.call(message, "user") && message.user !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.user);
                if (message.queue != null && $Object.hasOwnProperty.call(message, "queue") && message.queue !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.queue);
                if (message.priority != null && $Object.hasOwnProperty.call(message, "priority") && message.priority !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.priority);
                if (message.training != null && $Object.hasOwnProperty.call(message, "training"))
                    $root.weft.traces.TrainingJob.encode(message.training, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.inference != null && $Object.hasOwnProperty.call(message, "inference"))
                    $root.weft.traces.InferenceService.encode(message.inference, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.recorded != null && $Object.hasOwnProperty.call(message, "recorded"))
                    $root.weft.traces.RecordedOutcome.encode(message.recorded, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified WorkloadArrival message, length delimited. Does not implicitly {@link weft.traces.WorkloadArrival.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.traces.WorkloadArrival
             * @static
             * @param {weft.traces.WorkloadArrival.$Properties} message WorkloadArrival message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WorkloadArrival.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a WorkloadArrival message from the specified reader or buffer.
             * @function decode
             * @memberof weft.traces.WorkloadArrival
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.traces.WorkloadArrival & weft.traces.WorkloadArrival.$Shape} WorkloadArrival
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WorkloadArrival.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.traces.WorkloadArrival();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.arrivalNs = value;
                            else
                                delete message.arrivalNs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.user = value;
                            else
                                delete message.user;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.queue = value;
                            else
                                delete message.queue;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.priority = value;
                            else
                                delete message.priority;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.training = $root.weft.traces.TrainingJob.decode(reader, reader.size(), $undefined, _depth + 1, message.training);
                            message.spec = "training";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.inference = $root.weft.traces.InferenceService.decode(reader, reader.size(), $undefined, _depth + 1, message.inference);
                            message.spec = "inference";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.recorded = $root.weft.traces.RecordedOutcome.decode(reader, reader.size(), $undefined, _depth + 1, message.recorded);
                            message._recorded = "recorded";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a WorkloadArrival message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.traces.WorkloadArrival
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.traces.WorkloadArrival & weft.traces.WorkloadArrival.$Shape} WorkloadArrival
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WorkloadArrival.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a WorkloadArrival message.
             * @function verify
             * @memberof weft.traces.WorkloadArrival
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            WorkloadArrival.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isString(message.id))
                        return "id: string expected";
                if (message.arrivalNs != null && $Object.hasOwnProperty.call(message, "arrivalNs"))
                    if (!$util.isInteger(message.arrivalNs) && !(message.arrivalNs && $util.isInteger(message.arrivalNs.low) && $util.isInteger(message.arrivalNs.high)))
                        return "arrivalNs: integer|Long expected";
                if (message.user != null && $Object.hasOwnProperty.call(message, "user"))
                    if (!$util.isString(message.user))
                        return "user: string expected";
                if (message.queue != null && $Object.hasOwnProperty.call(message, "queue"))
                    if (!$util.isString(message.queue))
                        return "queue: string expected";
                if (message.priority != null && $Object.hasOwnProperty.call(message, "priority"))
                    if (!$util.isInteger(message.priority))
                        return "priority: integer expected";
                if (message.training != null && $Object.hasOwnProperty.call(message, "training")) {
                    properties.spec = 1;
                    {
                        let error = $root.weft.traces.TrainingJob.verify(message.training, _depth + 1);
                        if (error)
                            return "training." + error;
                    }
                }
                if (message.inference != null && $Object.hasOwnProperty.call(message, "inference")) {
                    if (properties.spec === 1)
                        return "spec: multiple values";
                    properties.spec = 1;
                    {
                        let error = $root.weft.traces.InferenceService.verify(message.inference, _depth + 1);
                        if (error)
                            return "inference." + error;
                    }
                }
                if (message.recorded != null && $Object.hasOwnProperty.call(message, "recorded")) {
                    properties._recorded = 1;
                    {
                        let error = $root.weft.traces.RecordedOutcome.verify(message.recorded, _depth + 1);
                        if (error)
                            return "recorded." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a WorkloadArrival message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.traces.WorkloadArrival
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.traces.WorkloadArrival} WorkloadArrival
             */
            WorkloadArrival.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.traces.WorkloadArrival)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.traces.WorkloadArrival: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.traces.WorkloadArrival();
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.arrivalNs != null)
                    if (typeof object.arrivalNs === "object" ? object.arrivalNs.low || object.arrivalNs.high : $Number(object.arrivalNs) !== 0)
                        if ($util.Long)
                            message.arrivalNs = $util.Long.fromValue(object.arrivalNs, true);
                        else if (typeof object.arrivalNs === "string")
                            message.arrivalNs = $parseInt(object.arrivalNs, 10);
                        else if (typeof object.arrivalNs === "number")
                            message.arrivalNs = object.arrivalNs;
                        else if (typeof object.arrivalNs === "object")
                            message.arrivalNs = new $util.LongBits(object.arrivalNs.low >>> 0, object.arrivalNs.high >>> 0).toNumber(true);
                if (object.user != null)
                    if (typeof object.user !== "string" || object.user.length)
                        message.user = $String(object.user);
                if (object.queue != null)
                    if (typeof object.queue !== "string" || object.queue.length)
                        message.queue = $String(object.queue);
                if (object.priority != null)
                    if ($Number(object.priority) !== 0)
                        message.priority = object.priority | 0;
                if (object.training != null) {
                    if (!$util.isObject(object.training))
                        throw $TypeError(".weft.traces.WorkloadArrival.training: object expected");
                    message.training = $root.weft.traces.TrainingJob.fromObject(object.training, _depth + 1);
                }
                if (object.inference != null) {
                    if (!$util.isObject(object.inference))
                        throw $TypeError(".weft.traces.WorkloadArrival.inference: object expected");
                    message.inference = $root.weft.traces.InferenceService.fromObject(object.inference, _depth + 1);
                }
                if (object.recorded != null) {
                    if (!$util.isObject(object.recorded))
                        throw $TypeError(".weft.traces.WorkloadArrival.recorded: object expected");
                    message.recorded = $root.weft.traces.RecordedOutcome.fromObject(object.recorded, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a WorkloadArrival message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.traces.WorkloadArrival
             * @static
             * @param {weft.traces.WorkloadArrival} message WorkloadArrival
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            WorkloadArrival.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.id = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.arrivalNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.arrivalNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.user = "";
                    object.queue = "";
                    object.priority = 0;
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.arrivalNs != null && $Object.hasOwnProperty.call(message, "arrivalNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.arrivalNs = typeof message.arrivalNs === "number" ? $BigInt(message.arrivalNs) : $util.Long.fromBits(message.arrivalNs.low >>> 0, message.arrivalNs.high >>> 0, true).toBigInt();
                    else if (typeof message.arrivalNs === "number")
                        object.arrivalNs = options.longs === $String ? $String(message.arrivalNs) : message.arrivalNs;
                    else
                        object.arrivalNs = options.longs === $String ? $util.Long.prototype.toString.call(message.arrivalNs) : options.longs === $Number ? new $util.LongBits(message.arrivalNs.low >>> 0, message.arrivalNs.high >>> 0).toNumber(true) : message.arrivalNs;
                if (message.user != null && $Object.hasOwnProperty.call(message, "user"))
                    object.user = message.user;
                if (message.queue != null && $Object.hasOwnProperty.call(message, "queue"))
                    object.queue = message.queue;
                if (message.priority != null && $Object.hasOwnProperty.call(message, "priority"))
                    object.priority = message.priority;
                if (message.training != null && $Object.hasOwnProperty.call(message, "training")) {
                    object.training = $root.weft.traces.TrainingJob.toObject(message.training, options, _depth + 1);
                    if (options.oneofs)
                        object.spec = "training";
                }
                if (message.inference != null && $Object.hasOwnProperty.call(message, "inference")) {
                    object.inference = $root.weft.traces.InferenceService.toObject(message.inference, options, _depth + 1);
                    if (options.oneofs)
                        object.spec = "inference";
                }
                if (message.recorded != null && $Object.hasOwnProperty.call(message, "recorded"))
                    object.recorded = $root.weft.traces.RecordedOutcome.toObject(message.recorded, options, _depth + 1);
                return object;
            };

            /**
             * Converts this WorkloadArrival to JSON.
             * @function toJSON
             * @memberof weft.traces.WorkloadArrival
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            WorkloadArrival.prototype.toJSON = function() {
                return WorkloadArrival.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for WorkloadArrival
             * @function getTypeUrl
             * @memberof weft.traces.WorkloadArrival
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            WorkloadArrival.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.traces.WorkloadArrival";
            };

            return WorkloadArrival;
        })();

        traces.TrainingJob = (function() {

            /**
             * Properties of a TrainingJob.
             * @typedef {Object} weft.traces.TrainingJob.$Properties
             * @property {number|null} [gpus] TrainingJob gpus
             * @property {number|null} [nodes] TrainingJob nodes
             * @property {number|null} [cpus] TrainingJob cpus
             * @property {string|null} [gpuType] TrainingJob gpuType
             * @property {string|null} [modelClass] TrainingJob modelClass
             * @property {string|null} [application] TrainingJob application
             * @property {number|null} [batchSize] TrainingJob batchSize
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TrainingJob.
             * @memberof weft.traces
             * @interface ITrainingJob
             * @augments weft.traces.TrainingJob.$Properties
             * @deprecated Use weft.traces.TrainingJob.$Properties instead.
             */

            /**
             * Shape of a TrainingJob.
             * @typedef {weft.traces.TrainingJob.$Properties} weft.traces.TrainingJob.$Shape
             */

            /**
             * Constructs a new TrainingJob.
             * @memberof weft.traces
             * @classdesc Represents a TrainingJob.
             * @constructor
             * @param {weft.traces.TrainingJob.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TrainingJob = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TrainingJob gpus.
             * @member {number} gpus
             * @memberof weft.traces.TrainingJob
             * @instance
             */
            TrainingJob.prototype.gpus = 0;

            /**
             * TrainingJob nodes.
             * @member {number} nodes
             * @memberof weft.traces.TrainingJob
             * @instance
             */
            TrainingJob.prototype.nodes = 0;

            /**
             * TrainingJob cpus.
             * @member {number} cpus
             * @memberof weft.traces.TrainingJob
             * @instance
             */
            TrainingJob.prototype.cpus = 0;

            /**
             * TrainingJob gpuType.
             * @member {string} gpuType
             * @memberof weft.traces.TrainingJob
             * @instance
             */
            TrainingJob.prototype.gpuType = "";

            /**
             * TrainingJob modelClass.
             * @member {string} modelClass
             * @memberof weft.traces.TrainingJob
             * @instance
             */
            TrainingJob.prototype.modelClass = "";

            /**
             * TrainingJob application.
             * @member {string} application
             * @memberof weft.traces.TrainingJob
             * @instance
             */
            TrainingJob.prototype.application = "";

            /**
             * TrainingJob batchSize.
             * @member {number} batchSize
             * @memberof weft.traces.TrainingJob
             * @instance
             */
            TrainingJob.prototype.batchSize = 0;

            /**
             * Creates a new TrainingJob instance using the specified properties.
             * @function create
             * @memberof weft.traces.TrainingJob
             * @static
             * @param {weft.traces.TrainingJob.$Properties=} [properties] Properties to set
             * @returns {weft.traces.TrainingJob} TrainingJob instance
             * @type {{
             *   (properties: weft.traces.TrainingJob.$Shape): weft.traces.TrainingJob & weft.traces.TrainingJob.$Shape;
             *   (properties?: weft.traces.TrainingJob.$Properties): weft.traces.TrainingJob;
             * }}
             */
            TrainingJob.create = function(properties) {
                return new TrainingJob(properties);
            };

            /**
             * Encodes the specified TrainingJob message. Does not implicitly {@link weft.traces.TrainingJob.verify|verify} messages.
             * @function encode
             * @memberof weft.traces.TrainingJob
             * @static
             * @param {weft.traces.TrainingJob.$Properties} message TrainingJob message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TrainingJob.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.gpus != null && $Object.hasOwnProperty.call(message, "gpus") && message.gpus !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.gpus);
                if (message.nodes != null && $Object.hasOwnProperty.call(message, "nodes") && message.nodes !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.nodes);
                if (message.cpus != null && $Object.hasOwnProperty.call(message, "cpus") && !$Object.is(message.cpus, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.cpus);
                if (message.gpuType != null && $Object.hasOwnProperty.call(message, "gpuType") && message.gpuType !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.gpuType);
                if (message.modelClass != null && $Object.hasOwnProperty.call(message, "modelClass") && message.modelClass !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.modelClass);
                if (message.application != null && $Object.hasOwnProperty.call(message, "application") && message.application !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.application);
                if (message.batchSize != null && $Object.hasOwnProperty.call(message, "batchSize") && message.batchSize !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.batchSize);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified TrainingJob message, length delimited. Does not implicitly {@link weft.traces.TrainingJob.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.traces.TrainingJob
             * @static
             * @param {weft.traces.TrainingJob.$Properties} message TrainingJob message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TrainingJob.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TrainingJob message from the specified reader or buffer.
             * @function decode
             * @memberof weft.traces.TrainingJob
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.traces.TrainingJob & weft.traces.TrainingJob.$Shape} TrainingJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TrainingJob.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.traces.TrainingJob();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.gpus = value;
                            else
                                delete message.gpus;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.nodes = value;
                            else
                                delete message.nodes;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.cpus = value;
                            else
                                delete message.cpus;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.gpuType = value;
                            else
                                delete message.gpuType;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.modelClass = value;
                            else
                                delete message.modelClass;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.application = value;
                            else
                                delete message.application;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.batchSize = value;
                            else
                                delete message.batchSize;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a TrainingJob message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.traces.TrainingJob
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.traces.TrainingJob & weft.traces.TrainingJob.$Shape} TrainingJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TrainingJob.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TrainingJob message.
             * @function verify
             * @memberof weft.traces.TrainingJob
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TrainingJob.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.gpus != null && $Object.hasOwnProperty.call(message, "gpus"))
                    if (!$util.isInteger(message.gpus))
                        return "gpus: integer expected";
                if (message.nodes != null && $Object.hasOwnProperty.call(message, "nodes"))
                    if (!$util.isInteger(message.nodes))
                        return "nodes: integer expected";
                if (message.cpus != null && $Object.hasOwnProperty.call(message, "cpus"))
                    if (typeof message.cpus !== "number")
                        return "cpus: number expected";
                if (message.gpuType != null && $Object.hasOwnProperty.call(message, "gpuType"))
                    if (!$util.isString(message.gpuType))
                        return "gpuType: string expected";
                if (message.modelClass != null && $Object.hasOwnProperty.call(message, "modelClass"))
                    if (!$util.isString(message.modelClass))
                        return "modelClass: string expected";
                if (message.application != null && $Object.hasOwnProperty.call(message, "application"))
                    if (!$util.isString(message.application))
                        return "application: string expected";
                if (message.batchSize != null && $Object.hasOwnProperty.call(message, "batchSize"))
                    if (!$util.isInteger(message.batchSize))
                        return "batchSize: integer expected";
                return null;
            };

            /**
             * Creates a TrainingJob message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.traces.TrainingJob
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.traces.TrainingJob} TrainingJob
             */
            TrainingJob.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.traces.TrainingJob)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.traces.TrainingJob: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.traces.TrainingJob();
                if (object.gpus != null)
                    if ($Number(object.gpus) !== 0)
                        message.gpus = object.gpus >>> 0;
                if (object.nodes != null)
                    if ($Number(object.nodes) !== 0)
                        message.nodes = object.nodes >>> 0;
                if (object.cpus != null)
                    if (!$Object.is($Number(object.cpus), 0))
                        message.cpus = $Number(object.cpus);
                if (object.gpuType != null)
                    if (typeof object.gpuType !== "string" || object.gpuType.length)
                        message.gpuType = $String(object.gpuType);
                if (object.modelClass != null)
                    if (typeof object.modelClass !== "string" || object.modelClass.length)
                        message.modelClass = $String(object.modelClass);
                if (object.application != null)
                    if (typeof object.application !== "string" || object.application.length)
                        message.application = $String(object.application);
                if (object.batchSize != null)
                    if ($Number(object.batchSize) !== 0)
                        message.batchSize = object.batchSize >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a TrainingJob message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.traces.TrainingJob
             * @static
             * @param {weft.traces.TrainingJob} message TrainingJob
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TrainingJob.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.gpus = 0;
                    object.nodes = 0;
                    object.cpus = 0;
                    object.gpuType = "";
                    object.modelClass = "";
                    object.application = "";
                    object.batchSize = 0;
                }
                if (message.gpus != null && $Object.hasOwnProperty.call(message, "gpus"))
                    object.gpus = message.gpus;
                if (message.nodes != null && $Object.hasOwnProperty.call(message, "nodes"))
                    object.nodes = message.nodes;
                if (message.cpus != null && $Object.hasOwnProperty.call(message, "cpus"))
                    object.cpus = options.json && !$isFinite(message.cpus) ? $String(message.cpus) : message.cpus;
                if (message.gpuType != null && $Object.hasOwnProperty.call(message, "gpuType"))
                    object.gpuType = message.gpuType;
                if (message.modelClass != null && $Object.hasOwnProperty.call(message, "modelClass"))
                    object.modelClass = message.modelClass;
                if (message.application != null && $Object.hasOwnProperty.call(message, "application"))
                    object.application = message.application;
                if (message.batchSize != null && $Object.hasOwnProperty.call(message, "batchSize"))
                    object.batchSize = message.batchSize;
                return object;
            };

            /**
             * Converts this TrainingJob to JSON.
             * @function toJSON
             * @memberof weft.traces.TrainingJob
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TrainingJob.prototype.toJSON = function() {
                return TrainingJob.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TrainingJob
             * @function getTypeUrl
             * @memberof weft.traces.TrainingJob
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TrainingJob.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.traces.TrainingJob";
            };

            return TrainingJob;
        })();

        traces.InferenceService = (function() {

            /**
             * Properties of an InferenceService.
             * @typedef {Object} weft.traces.InferenceService.$Properties
             * @property {string|null} [model] InferenceService model
             * @property {string|null} [gpuType] InferenceService gpuType
             * @property {number|null} [gpusPerReplica] InferenceService gpusPerReplica
             * @property {number|null} [replicas] InferenceService replicas
             * @property {number|null} [ttftP99Ms] InferenceService ttftP99Ms
             * @property {number|null} [tpotP99Ms] InferenceService tpotP99Ms
             * @property {string|null} [requestStream] InferenceService requestStream
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InferenceService.
             * @memberof weft.traces
             * @interface IInferenceService
             * @augments weft.traces.InferenceService.$Properties
             * @deprecated Use weft.traces.InferenceService.$Properties instead.
             */

            /**
             * Shape of an InferenceService.
             * @typedef {weft.traces.InferenceService.$Properties} weft.traces.InferenceService.$Shape
             */

            /**
             * Constructs a new InferenceService.
             * @memberof weft.traces
             * @classdesc Represents an InferenceService.
             * @constructor
             * @param {weft.traces.InferenceService.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InferenceService = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * InferenceService model.
             * @member {string} model
             * @memberof weft.traces.InferenceService
             * @instance
             */
            InferenceService.prototype.model = "";

            /**
             * InferenceService gpuType.
             * @member {string} gpuType
             * @memberof weft.traces.InferenceService
             * @instance
             */
            InferenceService.prototype.gpuType = "";

            /**
             * InferenceService gpusPerReplica.
             * @member {number} gpusPerReplica
             * @memberof weft.traces.InferenceService
             * @instance
             */
            InferenceService.prototype.gpusPerReplica = 0;

            /**
             * InferenceService replicas.
             * @member {number} replicas
             * @memberof weft.traces.InferenceService
             * @instance
             */
            InferenceService.prototype.replicas = 0;

            /**
             * InferenceService ttftP99Ms.
             * @member {number} ttftP99Ms
             * @memberof weft.traces.InferenceService
             * @instance
             */
            InferenceService.prototype.ttftP99Ms = 0;

            /**
             * InferenceService tpotP99Ms.
             * @member {number} tpotP99Ms
             * @memberof weft.traces.InferenceService
             * @instance
             */
            InferenceService.prototype.tpotP99Ms = 0;

            /**
             * InferenceService requestStream.
             * @member {string} requestStream
             * @memberof weft.traces.InferenceService
             * @instance
             */
            InferenceService.prototype.requestStream = "";

            /**
             * Creates a new InferenceService instance using the specified properties.
             * @function create
             * @memberof weft.traces.InferenceService
             * @static
             * @param {weft.traces.InferenceService.$Properties=} [properties] Properties to set
             * @returns {weft.traces.InferenceService} InferenceService instance
             * @type {{
             *   (properties: weft.traces.InferenceService.$Shape): weft.traces.InferenceService & weft.traces.InferenceService.$Shape;
             *   (properties?: weft.traces.InferenceService.$Properties): weft.traces.InferenceService;
             * }}
             */
            InferenceService.create = function(properties) {
                return new InferenceService(properties);
            };

            /**
             * Encodes the specified InferenceService message. Does not implicitly {@link weft.traces.InferenceService.verify|verify} messages.
             * @function encode
             * @memberof weft.traces.InferenceService
             * @static
             * @param {weft.traces.InferenceService.$Properties} message InferenceService message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InferenceService.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.model != null && $Object.hasOwnProperty.call(message, "model") && message.model !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.model);
                if (message.gpuType != null && $Object.hasOwnProperty.call(message, "gpuType") && message.gpuType !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.gpuType);
                if (message.gpusPerReplica != null && $Object.hasOwnProperty.call(message, "gpusPerReplica") && message.gpusPerReplica !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.gpusPerReplica);
                if (message.replicas != null && $Object.hasOwnProperty.call(message, "replicas") && message.replicas !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.replicas);
                if (message.ttftP99Ms != null && $Object.hasOwnProperty.call(message, "ttftP99Ms") && !$Object.is(message.ttftP99Ms, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.ttftP99Ms);
                if (message.tpotP99Ms != null && $Object.hasOwnProperty.call(message, "tpotP99Ms") && !$Object.is(message.tpotP99Ms, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.tpotP99Ms);
                if (message.requestStream != null && $Object.hasOwnProperty.call(message, "requestStream") && message.requestStream !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.requestStream);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified InferenceService message, length delimited. Does not implicitly {@link weft.traces.InferenceService.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.traces.InferenceService
             * @static
             * @param {weft.traces.InferenceService.$Properties} message InferenceService message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InferenceService.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an InferenceService message from the specified reader or buffer.
             * @function decode
             * @memberof weft.traces.InferenceService
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.traces.InferenceService & weft.traces.InferenceService.$Shape} InferenceService
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InferenceService.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.traces.InferenceService();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.model = value;
                            else
                                delete message.model;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.gpuType = value;
                            else
                                delete message.gpuType;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.gpusPerReplica = value;
                            else
                                delete message.gpusPerReplica;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.replicas = value;
                            else
                                delete message.replicas;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.ttftP99Ms = value;
                            else
                                delete message.ttftP99Ms;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.tpotP99Ms = value;
                            else
                                delete message.tpotP99Ms;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestStream = value;
                            else
                                delete message.requestStream;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an InferenceService message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.traces.InferenceService
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.traces.InferenceService & weft.traces.InferenceService.$Shape} InferenceService
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InferenceService.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an InferenceService message.
             * @function verify
             * @memberof weft.traces.InferenceService
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            InferenceService.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    if (!$util.isString(message.model))
                        return "model: string expected";
                if (message.gpuType != null && $Object.hasOwnProperty.call(message, "gpuType"))
                    if (!$util.isString(message.gpuType))
                        return "gpuType: string expected";
                if (message.gpusPerReplica != null && $Object.hasOwnProperty.call(message, "gpusPerReplica"))
                    if (!$util.isInteger(message.gpusPerReplica))
                        return "gpusPerReplica: integer expected";
                if (message.replicas != null && $Object.hasOwnProperty.call(message, "replicas"))
                    if (!$util.isInteger(message.replicas))
                        return "replicas: integer expected";
                if (message.ttftP99Ms != null && $Object.hasOwnProperty.call(message, "ttftP99Ms"))
                    if (typeof message.ttftP99Ms !== "number")
                        return "ttftP99Ms: number expected";
                if (message.tpotP99Ms != null && $Object.hasOwnProperty.call(message, "tpotP99Ms"))
                    if (typeof message.tpotP99Ms !== "number")
                        return "tpotP99Ms: number expected";
                if (message.requestStream != null && $Object.hasOwnProperty.call(message, "requestStream"))
                    if (!$util.isString(message.requestStream))
                        return "requestStream: string expected";
                return null;
            };

            /**
             * Creates an InferenceService message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.traces.InferenceService
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.traces.InferenceService} InferenceService
             */
            InferenceService.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.traces.InferenceService)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.traces.InferenceService: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.traces.InferenceService();
                if (object.model != null)
                    if (typeof object.model !== "string" || object.model.length)
                        message.model = $String(object.model);
                if (object.gpuType != null)
                    if (typeof object.gpuType !== "string" || object.gpuType.length)
                        message.gpuType = $String(object.gpuType);
                if (object.gpusPerReplica != null)
                    if ($Number(object.gpusPerReplica) !== 0)
                        message.gpusPerReplica = object.gpusPerReplica >>> 0;
                if (object.replicas != null)
                    if ($Number(object.replicas) !== 0)
                        message.replicas = object.replicas >>> 0;
                if (object.ttftP99Ms != null)
                    if (!$Object.is($Number(object.ttftP99Ms), 0))
                        message.ttftP99Ms = $Number(object.ttftP99Ms);
                if (object.tpotP99Ms != null)
                    if (!$Object.is($Number(object.tpotP99Ms), 0))
                        message.tpotP99Ms = $Number(object.tpotP99Ms);
                if (object.requestStream != null)
                    if (typeof object.requestStream !== "string" || object.requestStream.length)
                        message.requestStream = $String(object.requestStream);
                return message;
            };

            /**
             * Creates a plain object from an InferenceService message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.traces.InferenceService
             * @static
             * @param {weft.traces.InferenceService} message InferenceService
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InferenceService.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.model = "";
                    object.gpuType = "";
                    object.gpusPerReplica = 0;
                    object.replicas = 0;
                    object.ttftP99Ms = 0;
                    object.tpotP99Ms = 0;
                    object.requestStream = "";
                }
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    object.model = message.model;
                if (message.gpuType != null && $Object.hasOwnProperty.call(message, "gpuType"))
                    object.gpuType = message.gpuType;
                if (message.gpusPerReplica != null && $Object.hasOwnProperty.call(message, "gpusPerReplica"))
                    object.gpusPerReplica = message.gpusPerReplica;
                if (message.replicas != null && $Object.hasOwnProperty.call(message, "replicas"))
                    object.replicas = message.replicas;
                if (message.ttftP99Ms != null && $Object.hasOwnProperty.call(message, "ttftP99Ms"))
                    object.ttftP99Ms = options.json && !$isFinite(message.ttftP99Ms) ? $String(message.ttftP99Ms) : message.ttftP99Ms;
                if (message.tpotP99Ms != null && $Object.hasOwnProperty.call(message, "tpotP99Ms"))
                    object.tpotP99Ms = options.json && !$isFinite(message.tpotP99Ms) ? $String(message.tpotP99Ms) : message.tpotP99Ms;
                if (message.requestStream != null && $Object.hasOwnProperty.call(message, "requestStream"))
                    object.requestStream = message.requestStream;
                return object;
            };

            /**
             * Converts this InferenceService to JSON.
             * @function toJSON
             * @memberof weft.traces.InferenceService
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InferenceService.prototype.toJSON = function() {
                return InferenceService.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for InferenceService
             * @function getTypeUrl
             * @memberof weft.traces.InferenceService
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            InferenceService.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.traces.InferenceService";
            };

            return InferenceService;
        })();

        traces.RecordedOutcome = (function() {

            /**
             * Properties of a RecordedOutcome.
             * @typedef {Object} weft.traces.RecordedOutcome.$Properties
             * @property {weft.traces.RecordedOutcome.Status|null} [status] RecordedOutcome status
             * @property {string|null} [sourceStatus] RecordedOutcome sourceStatus
             * @property {number|Long|null} [queuedNs] RecordedOutcome queuedNs
             * @property {number|Long|null} [runNs] RecordedOutcome runNs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RecordedOutcome.
             * @memberof weft.traces
             * @interface IRecordedOutcome
             * @augments weft.traces.RecordedOutcome.$Properties
             * @deprecated Use weft.traces.RecordedOutcome.$Properties instead.
             */

            /**
             * Shape of a RecordedOutcome.
             * @typedef {weft.traces.RecordedOutcome.$Properties} weft.traces.RecordedOutcome.$Shape
             */

            /**
             * Constructs a new RecordedOutcome.
             * @memberof weft.traces
             * @classdesc Represents a RecordedOutcome.
             * @constructor
             * @param {weft.traces.RecordedOutcome.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RecordedOutcome = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RecordedOutcome status.
             * @member {weft.traces.RecordedOutcome.Status} status
             * @memberof weft.traces.RecordedOutcome
             * @instance
             */
            RecordedOutcome.prototype.status = 0;

            /**
             * RecordedOutcome sourceStatus.
             * @member {string} sourceStatus
             * @memberof weft.traces.RecordedOutcome
             * @instance
             */
            RecordedOutcome.prototype.sourceStatus = "";

            /**
             * RecordedOutcome queuedNs.
             * @member {number|Long|null|undefined} queuedNs
             * @memberof weft.traces.RecordedOutcome
             * @instance
             */
            RecordedOutcome.prototype.queuedNs = null;

            /**
             * RecordedOutcome runNs.
             * @member {number|Long|null|undefined} runNs
             * @memberof weft.traces.RecordedOutcome
             * @instance
             */
            RecordedOutcome.prototype.runNs = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(RecordedOutcome.prototype, "_queuedNs", {
                get: $util.oneOfGetter($oneOfFields = ["queuedNs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(RecordedOutcome.prototype, "_runNs", {
                get: $util.oneOfGetter($oneOfFields = ["runNs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new RecordedOutcome instance using the specified properties.
             * @function create
             * @memberof weft.traces.RecordedOutcome
             * @static
             * @param {weft.traces.RecordedOutcome.$Properties=} [properties] Properties to set
             * @returns {weft.traces.RecordedOutcome} RecordedOutcome instance
             * @type {{
             *   (properties: weft.traces.RecordedOutcome.$Shape): weft.traces.RecordedOutcome & weft.traces.RecordedOutcome.$Shape;
             *   (properties?: weft.traces.RecordedOutcome.$Properties): weft.traces.RecordedOutcome;
             * }}
             */
            RecordedOutcome.create = function(properties) {
                return new RecordedOutcome(properties);
            };

            /**
             * Encodes the specified RecordedOutcome message. Does not implicitly {@link weft.traces.RecordedOutcome.verify|verify} messages.
             * @function encode
             * @memberof weft.traces.RecordedOutcome
             * @static
             * @param {weft.traces.RecordedOutcome.$Properties} message RecordedOutcome message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RecordedOutcome.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.status);
                if (message.sourceStatus != null && $Object.hasOwnProperty.call(message, "sourceStatus") && message.sourceStatus !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.sourceStatus);
                if (message.queuedNs != null && $Object.hasOwnProperty.call(message, "queuedNs"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.queuedNs);
                if (message.runNs != null && $Object.hasOwnProperty.call(message, "runNs"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.runNs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RecordedOutcome message, length delimited. Does not implicitly {@link weft.traces.RecordedOutcome.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.traces.RecordedOutcome
             * @static
             * @param {weft.traces.RecordedOutcome.$Properties} message RecordedOutcome message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RecordedOutcome.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RecordedOutcome message from the specified reader or buffer.
             * @function decode
             * @memberof weft.traces.RecordedOutcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.traces.RecordedOutcome & weft.traces.RecordedOutcome.$Shape} RecordedOutcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RecordedOutcome.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.traces.RecordedOutcome();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sourceStatus = value;
                            else
                                delete message.sourceStatus;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            message.queuedNs = reader.uint64();
                            message._queuedNs = "queuedNs";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            message.runNs = reader.uint64();
                            message._runNs = "runNs";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RecordedOutcome message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.traces.RecordedOutcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.traces.RecordedOutcome & weft.traces.RecordedOutcome.$Shape} RecordedOutcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RecordedOutcome.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RecordedOutcome message.
             * @function verify
             * @memberof weft.traces.RecordedOutcome
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RecordedOutcome.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    if (typeof message.status !== "number" || (message.status | 0) !== message.status)
                        return "status: enum value expected";
                if (message.sourceStatus != null && $Object.hasOwnProperty.call(message, "sourceStatus"))
                    if (!$util.isString(message.sourceStatus))
                        return "sourceStatus: string expected";
                if (message.queuedNs != null && $Object.hasOwnProperty.call(message, "queuedNs")) {
                    properties._queuedNs = 1;
                    if (!$util.isInteger(message.queuedNs) && !(message.queuedNs && $util.isInteger(message.queuedNs.low) && $util.isInteger(message.queuedNs.high)))
                        return "queuedNs: integer|Long expected";
                }
                if (message.runNs != null && $Object.hasOwnProperty.call(message, "runNs")) {
                    properties._runNs = 1;
                    if (!$util.isInteger(message.runNs) && !(message.runNs && $util.isInteger(message.runNs.low) && $util.isInteger(message.runNs.high)))
                        return "runNs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a RecordedOutcome message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.traces.RecordedOutcome
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.traces.RecordedOutcome} RecordedOutcome
             */
            RecordedOutcome.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.traces.RecordedOutcome)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.traces.RecordedOutcome: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.traces.RecordedOutcome();
                if (object.status !== 0 && (typeof object.status !== "string" || $root.weft.traces.RecordedOutcome.Status[object.status] !== 0))
                    switch (object.status) {
                    case "STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "COMPLETED":
                    case 1:
                        message.status = 1;
                        break;
                    case "FAILED":
                    case 2:
                        message.status = 2;
                        break;
                    case "CANCELLED":
                    case 3:
                        message.status = 3;
                        break;
                    case "RUNNING":
                    case 4:
                        message.status = 4;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.sourceStatus != null)
                    if (typeof object.sourceStatus !== "string" || object.sourceStatus.length)
                        message.sourceStatus = $String(object.sourceStatus);
                if (object.queuedNs != null)
                    if ($util.Long)
                        message.queuedNs = $util.Long.fromValue(object.queuedNs, true);
                    else if (typeof object.queuedNs === "string")
                        message.queuedNs = $parseInt(object.queuedNs, 10);
                    else if (typeof object.queuedNs === "number")
                        message.queuedNs = object.queuedNs;
                    else if (typeof object.queuedNs === "object")
                        message.queuedNs = new $util.LongBits(object.queuedNs.low >>> 0, object.queuedNs.high >>> 0).toNumber(true);
                if (object.runNs != null)
                    if ($util.Long)
                        message.runNs = $util.Long.fromValue(object.runNs, true);
                    else if (typeof object.runNs === "string")
                        message.runNs = $parseInt(object.runNs, 10);
                    else if (typeof object.runNs === "number")
                        message.runNs = object.runNs;
                    else if (typeof object.runNs === "object")
                        message.runNs = new $util.LongBits(object.runNs.low >>> 0, object.runNs.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a RecordedOutcome message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.traces.RecordedOutcome
             * @static
             * @param {weft.traces.RecordedOutcome} message RecordedOutcome
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RecordedOutcome.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.status = options.enums === $String ? "STATUS_UNSPECIFIED" : 0;
                    object.sourceStatus = "";
                }
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.weft.traces.RecordedOutcome.Status[message.status] === $undefined ? message.status : $root.weft.traces.RecordedOutcome.Status[message.status] : message.status;
                if (message.sourceStatus != null && $Object.hasOwnProperty.call(message, "sourceStatus"))
                    object.sourceStatus = message.sourceStatus;
                if (message.queuedNs != null && $Object.hasOwnProperty.call(message, "queuedNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.queuedNs = typeof message.queuedNs === "number" ? $BigInt(message.queuedNs) : $util.Long.fromBits(message.queuedNs.low >>> 0, message.queuedNs.high >>> 0, true).toBigInt();
                    else if (typeof message.queuedNs === "number")
                        object.queuedNs = options.longs === $String ? $String(message.queuedNs) : message.queuedNs;
                    else
                        object.queuedNs = options.longs === $String ? $util.Long.prototype.toString.call(message.queuedNs) : options.longs === $Number ? new $util.LongBits(message.queuedNs.low >>> 0, message.queuedNs.high >>> 0).toNumber(true) : message.queuedNs;
                if (message.runNs != null && $Object.hasOwnProperty.call(message, "runNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.runNs = typeof message.runNs === "number" ? $BigInt(message.runNs) : $util.Long.fromBits(message.runNs.low >>> 0, message.runNs.high >>> 0, true).toBigInt();
                    else if (typeof message.runNs === "number")
                        object.runNs = options.longs === $String ? $String(message.runNs) : message.runNs;
                    else
                        object.runNs = options.longs === $String ? $util.Long.prototype.toString.call(message.runNs) : options.longs === $Number ? new $util.LongBits(message.runNs.low >>> 0, message.runNs.high >>> 0).toNumber(true) : message.runNs;
                return object;
            };

            /**
             * Converts this RecordedOutcome to JSON.
             * @function toJSON
             * @memberof weft.traces.RecordedOutcome
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RecordedOutcome.prototype.toJSON = function() {
                return RecordedOutcome.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RecordedOutcome
             * @function getTypeUrl
             * @memberof weft.traces.RecordedOutcome
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RecordedOutcome.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.traces.RecordedOutcome";
            };

            /**
             * Status enum.
             * @name weft.traces.RecordedOutcome.Status
             * @enum {number}
             * @property {number} STATUS_UNSPECIFIED=0 STATUS_UNSPECIFIED value
             * @property {number} COMPLETED=1 COMPLETED value
             * @property {number} FAILED=2 FAILED value
             * @property {number} CANCELLED=3 CANCELLED value
             * @property {number} RUNNING=4 RUNNING value
             */
            RecordedOutcome.Status = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "STATUS_UNSPECIFIED"] = 0;
                values[valuesById[1] = "COMPLETED"] = 1;
                values[valuesById[2] = "FAILED"] = 2;
                values[valuesById[3] = "CANCELLED"] = 3;
                values[valuesById[4] = "RUNNING"] = 4;
                return values;
            })();

            return RecordedOutcome;
        })();

        traces.RequestStream = (function() {

            /**
             * Properties of a RequestStream.
             * @typedef {Object} weft.traces.RequestStream.$Properties
             * @property {string|null} [id] RequestStream id
             * @property {string|null} [source] RequestStream source
             * @property {number|null} [prefixBlockTokens] RequestStream prefixBlockTokens
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RequestStream.
             * @memberof weft.traces
             * @interface IRequestStream
             * @augments weft.traces.RequestStream.$Properties
             * @deprecated Use weft.traces.RequestStream.$Properties instead.
             */

            /**
             * Shape of a RequestStream.
             * @typedef {weft.traces.RequestStream.$Properties} weft.traces.RequestStream.$Shape
             */

            /**
             * Constructs a new RequestStream.
             * @memberof weft.traces
             * @classdesc Represents a RequestStream.
             * @constructor
             * @param {weft.traces.RequestStream.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RequestStream = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RequestStream id.
             * @member {string} id
             * @memberof weft.traces.RequestStream
             * @instance
             */
            RequestStream.prototype.id = "";

            /**
             * RequestStream source.
             * @member {string} source
             * @memberof weft.traces.RequestStream
             * @instance
             */
            RequestStream.prototype.source = "";

            /**
             * RequestStream prefixBlockTokens.
             * @member {number} prefixBlockTokens
             * @memberof weft.traces.RequestStream
             * @instance
             */
            RequestStream.prototype.prefixBlockTokens = 0;

            /**
             * Creates a new RequestStream instance using the specified properties.
             * @function create
             * @memberof weft.traces.RequestStream
             * @static
             * @param {weft.traces.RequestStream.$Properties=} [properties] Properties to set
             * @returns {weft.traces.RequestStream} RequestStream instance
             * @type {{
             *   (properties: weft.traces.RequestStream.$Shape): weft.traces.RequestStream & weft.traces.RequestStream.$Shape;
             *   (properties?: weft.traces.RequestStream.$Properties): weft.traces.RequestStream;
             * }}
             */
            RequestStream.create = function(properties) {
                return new RequestStream(properties);
            };

            /**
             * Encodes the specified RequestStream message. Does not implicitly {@link weft.traces.RequestStream.verify|verify} messages.
             * @function encode
             * @memberof weft.traces.RequestStream
             * @static
             * @param {weft.traces.RequestStream.$Properties} message RequestStream message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RequestStream.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.source);
                if (message.prefixBlockTokens != null && $Object.hasOwnProperty.call(message, "prefixBlockTokens") && message.prefixBlockTokens !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.prefixBlockTokens);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RequestStream message, length delimited. Does not implicitly {@link weft.traces.RequestStream.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.traces.RequestStream
             * @static
             * @param {weft.traces.RequestStream.$Properties} message RequestStream message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RequestStream.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RequestStream message from the specified reader or buffer.
             * @function decode
             * @memberof weft.traces.RequestStream
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.traces.RequestStream & weft.traces.RequestStream.$Shape} RequestStream
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RequestStream.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.traces.RequestStream();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.source = value;
                            else
                                delete message.source;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.prefixBlockTokens = value;
                            else
                                delete message.prefixBlockTokens;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RequestStream message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.traces.RequestStream
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.traces.RequestStream & weft.traces.RequestStream.$Shape} RequestStream
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RequestStream.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RequestStream message.
             * @function verify
             * @memberof weft.traces.RequestStream
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RequestStream.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isString(message.id))
                        return "id: string expected";
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    if (!$util.isString(message.source))
                        return "source: string expected";
                if (message.prefixBlockTokens != null && $Object.hasOwnProperty.call(message, "prefixBlockTokens"))
                    if (!$util.isInteger(message.prefixBlockTokens))
                        return "prefixBlockTokens: integer expected";
                return null;
            };

            /**
             * Creates a RequestStream message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.traces.RequestStream
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.traces.RequestStream} RequestStream
             */
            RequestStream.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.traces.RequestStream)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.traces.RequestStream: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.traces.RequestStream();
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.source != null)
                    if (typeof object.source !== "string" || object.source.length)
                        message.source = $String(object.source);
                if (object.prefixBlockTokens != null)
                    if ($Number(object.prefixBlockTokens) !== 0)
                        message.prefixBlockTokens = object.prefixBlockTokens >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a RequestStream message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.traces.RequestStream
             * @static
             * @param {weft.traces.RequestStream} message RequestStream
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RequestStream.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.id = "";
                    object.source = "";
                    object.prefixBlockTokens = 0;
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    object.source = message.source;
                if (message.prefixBlockTokens != null && $Object.hasOwnProperty.call(message, "prefixBlockTokens"))
                    object.prefixBlockTokens = message.prefixBlockTokens;
                return object;
            };

            /**
             * Converts this RequestStream to JSON.
             * @function toJSON
             * @memberof weft.traces.RequestStream
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RequestStream.prototype.toJSON = function() {
                return RequestStream.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RequestStream
             * @function getTypeUrl
             * @memberof weft.traces.RequestStream
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RequestStream.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.traces.RequestStream";
            };

            return RequestStream;
        })();

        traces.Request = (function() {

            /**
             * Properties of a Request.
             * @typedef {Object} weft.traces.Request.$Properties
             * @property {string|null} [stream] Request stream
             * @property {number|Long|null} [arrivalNs] Request arrivalNs
             * @property {number|null} [promptTokens] Request promptTokens
             * @property {number|null} [outputTokens] Request outputTokens
             * @property {Array.<number|Long>|null} [prefixBlockHashes] Request prefixBlockHashes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Request.
             * @memberof weft.traces
             * @interface IRequest
             * @augments weft.traces.Request.$Properties
             * @deprecated Use weft.traces.Request.$Properties instead.
             */

            /**
             * Shape of a Request.
             * @typedef {weft.traces.Request.$Properties} weft.traces.Request.$Shape
             */

            /**
             * Constructs a new Request.
             * @memberof weft.traces
             * @classdesc Represents a Request.
             * @constructor
             * @param {weft.traces.Request.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Request = function (properties) {
                this.prefixBlockHashes = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Request stream.
             * @member {string} stream
             * @memberof weft.traces.Request
             * @instance
             */
            Request.prototype.stream = "";

            /**
             * Request arrivalNs.
             * @member {number|Long} arrivalNs
             * @memberof weft.traces.Request
             * @instance
             */
            Request.prototype.arrivalNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Request promptTokens.
             * @member {number} promptTokens
             * @memberof weft.traces.Request
             * @instance
             */
            Request.prototype.promptTokens = 0;

            /**
             * Request outputTokens.
             * @member {number} outputTokens
             * @memberof weft.traces.Request
             * @instance
             */
            Request.prototype.outputTokens = 0;

            /**
             * Request prefixBlockHashes.
             * @member {Array.<number|Long>} prefixBlockHashes
             * @memberof weft.traces.Request
             * @instance
             */
            Request.prototype.prefixBlockHashes = $util.emptyArray;

            /**
             * Creates a new Request instance using the specified properties.
             * @function create
             * @memberof weft.traces.Request
             * @static
             * @param {weft.traces.Request.$Properties=} [properties] Properties to set
             * @returns {weft.traces.Request} Request instance
             * @type {{
             *   (properties: weft.traces.Request.$Shape): weft.traces.Request & weft.traces.Request.$Shape;
             *   (properties?: weft.traces.Request.$Properties): weft.traces.Request;
             * }}
             */
            Request.create = function(properties) {
                return new Request(properties);
            };

            /**
             * Encodes the specified Request message. Does not implicitly {@link weft.traces.Request.verify|verify} messages.
             * @function encode
             * @memberof weft.traces.Request
             * @static
             * @param {weft.traces.Request.$Properties} message Request message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Request.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.stream != null && $Object.hasOwnProperty.call(message, "stream") && message.stream !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.stream);
                if (message.arrivalNs != null && $Object.hasOwnProperty.call(message, "arrivalNs") && (typeof message.arrivalNs === "object" ? message.arrivalNs.low || message.arrivalNs.high : message.arrivalNs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.arrivalNs);
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens") && message.promptTokens !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.promptTokens);
                if (message.outputTokens != null && $Object.hasOwnProperty.call(message, "outputTokens") && message.outputTokens !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.outputTokens);
                if (message.prefixBlockHashes != null && message.prefixBlockHashes.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).uint64s(message.prefixBlockHashes);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Request message, length delimited. Does not implicitly {@link weft.traces.Request.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.traces.Request
             * @static
             * @param {weft.traces.Request.$Properties} message Request message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Request.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Request message from the specified reader or buffer.
             * @function decode
             * @memberof weft.traces.Request
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.traces.Request & weft.traces.Request.$Shape} Request
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Request.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.traces.Request();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.stream = value;
                            else
                                delete message.stream;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.arrivalNs = value;
                            else
                                delete message.arrivalNs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.promptTokens = value;
                            else
                                delete message.promptTokens;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.outputTokens = value;
                            else
                                delete message.outputTokens;
                            continue;
                        }
                    case 5: {
                            if (wireType === 2) {
                                if (!(message.prefixBlockHashes && message.prefixBlockHashes.length))
                                    message.prefixBlockHashes = [];
                                reader.uint64s(message.prefixBlockHashes);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.prefixBlockHashes && message.prefixBlockHashes.length))
                                message.prefixBlockHashes = [];
                            message.prefixBlockHashes.push(reader.uint64());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Request message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.traces.Request
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.traces.Request & weft.traces.Request.$Shape} Request
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Request.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Request message.
             * @function verify
             * @memberof weft.traces.Request
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Request.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.stream != null && $Object.hasOwnProperty.call(message, "stream"))
                    if (!$util.isString(message.stream))
                        return "stream: string expected";
                if (message.arrivalNs != null && $Object.hasOwnProperty.call(message, "arrivalNs"))
                    if (!$util.isInteger(message.arrivalNs) && !(message.arrivalNs && $util.isInteger(message.arrivalNs.low) && $util.isInteger(message.arrivalNs.high)))
                        return "arrivalNs: integer|Long expected";
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens"))
                    if (!$util.isInteger(message.promptTokens))
                        return "promptTokens: integer expected";
                if (message.outputTokens != null && $Object.hasOwnProperty.call(message, "outputTokens"))
                    if (!$util.isInteger(message.outputTokens))
                        return "outputTokens: integer expected";
                if (message.prefixBlockHashes != null && $Object.hasOwnProperty.call(message, "prefixBlockHashes")) {
                    if (!$Array.isArray(message.prefixBlockHashes))
                        return "prefixBlockHashes: array expected";
                    for (let i = 0; i < message.prefixBlockHashes.length; ++i)
                        if (!$util.isInteger(message.prefixBlockHashes[i]) && !(message.prefixBlockHashes[i] && $util.isInteger(message.prefixBlockHashes[i].low) && $util.isInteger(message.prefixBlockHashes[i].high)))
                            return "prefixBlockHashes: integer|Long[] expected";
                }
                return null;
            };

            /**
             * Creates a Request message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.traces.Request
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.traces.Request} Request
             */
            Request.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.traces.Request)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.traces.Request: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.traces.Request();
                if (object.stream != null)
                    if (typeof object.stream !== "string" || object.stream.length)
                        message.stream = $String(object.stream);
                if (object.arrivalNs != null)
                    if (typeof object.arrivalNs === "object" ? object.arrivalNs.low || object.arrivalNs.high : $Number(object.arrivalNs) !== 0)
                        if ($util.Long)
                            message.arrivalNs = $util.Long.fromValue(object.arrivalNs, true);
                        else if (typeof object.arrivalNs === "string")
                            message.arrivalNs = $parseInt(object.arrivalNs, 10);
                        else if (typeof object.arrivalNs === "number")
                            message.arrivalNs = object.arrivalNs;
                        else if (typeof object.arrivalNs === "object")
                            message.arrivalNs = new $util.LongBits(object.arrivalNs.low >>> 0, object.arrivalNs.high >>> 0).toNumber(true);
                if (object.promptTokens != null)
                    if ($Number(object.promptTokens) !== 0)
                        message.promptTokens = object.promptTokens >>> 0;
                if (object.outputTokens != null)
                    if ($Number(object.outputTokens) !== 0)
                        message.outputTokens = object.outputTokens >>> 0;
                if (object.prefixBlockHashes) {
                    if (!$Array.isArray(object.prefixBlockHashes))
                        throw $TypeError(".weft.traces.Request.prefixBlockHashes: array expected");
                    message.prefixBlockHashes = $Array(object.prefixBlockHashes.length);
                    for (let i = 0; i < object.prefixBlockHashes.length; ++i)
                        if ($util.Long)
                            message.prefixBlockHashes[i] = $util.Long.fromValue(object.prefixBlockHashes[i], true);
                        else if (typeof object.prefixBlockHashes[i] === "string")
                            message.prefixBlockHashes[i] = $parseInt(object.prefixBlockHashes[i], 10);
                        else if (typeof object.prefixBlockHashes[i] === "number")
                            message.prefixBlockHashes[i] = object.prefixBlockHashes[i];
                        else if (typeof object.prefixBlockHashes[i] === "object")
                            message.prefixBlockHashes[i] = new $util.LongBits(object.prefixBlockHashes[i].low >>> 0, object.prefixBlockHashes[i].high >>> 0).toNumber(true);
                }
                return message;
            };

            /**
             * Creates a plain object from a Request message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.traces.Request
             * @static
             * @param {weft.traces.Request} message Request
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Request.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.prefixBlockHashes = [];
                if (options.defaults) {
                    object.stream = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.arrivalNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.arrivalNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.promptTokens = 0;
                    object.outputTokens = 0;
                }
                if (message.stream != null && $Object.hasOwnProperty.call(message, "stream"))
                    object.stream = message.stream;
                if (message.arrivalNs != null && $Object.hasOwnProperty.call(message, "arrivalNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.arrivalNs = typeof message.arrivalNs === "number" ? $BigInt(message.arrivalNs) : $util.Long.fromBits(message.arrivalNs.low >>> 0, message.arrivalNs.high >>> 0, true).toBigInt();
                    else if (typeof message.arrivalNs === "number")
                        object.arrivalNs = options.longs === $String ? $String(message.arrivalNs) : message.arrivalNs;
                    else
                        object.arrivalNs = options.longs === $String ? $util.Long.prototype.toString.call(message.arrivalNs) : options.longs === $Number ? new $util.LongBits(message.arrivalNs.low >>> 0, message.arrivalNs.high >>> 0).toNumber(true) : message.arrivalNs;
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens"))
                    object.promptTokens = message.promptTokens;
                if (message.outputTokens != null && $Object.hasOwnProperty.call(message, "outputTokens"))
                    object.outputTokens = message.outputTokens;
                if (message.prefixBlockHashes && message.prefixBlockHashes.length) {
                    object.prefixBlockHashes = $Array(message.prefixBlockHashes.length);
                    for (let j = 0; j < message.prefixBlockHashes.length; ++j)
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.prefixBlockHashes[j] = typeof message.prefixBlockHashes[j] === "number" ? $BigInt(message.prefixBlockHashes[j]) : $util.Long.fromBits(message.prefixBlockHashes[j].low >>> 0, message.prefixBlockHashes[j].high >>> 0, true).toBigInt();
                        else if (typeof message.prefixBlockHashes[j] === "number")
                            object.prefixBlockHashes[j] = options.longs === $String ? $String(message.prefixBlockHashes[j]) : message.prefixBlockHashes[j];
                        else
                            object.prefixBlockHashes[j] = options.longs === $String ? $util.Long.prototype.toString.call(message.prefixBlockHashes[j]) : options.longs === $Number ? new $util.LongBits(message.prefixBlockHashes[j].low >>> 0, message.prefixBlockHashes[j].high >>> 0).toNumber(true) : message.prefixBlockHashes[j];
                }
                return object;
            };

            /**
             * Converts this Request to JSON.
             * @function toJSON
             * @memberof weft.traces.Request
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Request.prototype.toJSON = function() {
                return Request.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Request
             * @function getTypeUrl
             * @memberof weft.traces.Request
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Request.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.traces.Request";
            };

            return Request;
        })();

        return traces;
    })();

    return weft;
})();

export {
  $root as default
};
